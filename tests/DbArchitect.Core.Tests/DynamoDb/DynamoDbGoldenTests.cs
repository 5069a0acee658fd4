using System.Text;
using DbArchitect.Core.Export;

namespace DbArchitect.Core.Tests.DynamoDb;

/// <summary>
/// Every exported file of the DynamoDB design of each example and hostile spec, byte for byte, against
/// Golden/dynamodb/&lt;spec&gt;/. After an intended change: <c>UPDATE_GOLDEN=1 dotnet test tests/DbArchitect.Core.Tests --filter FullyQualifiedName~DynamoDbGolden</c>
/// </summary>
public sealed class DynamoDbGoldenTests
{
    public static TheoryData<string> Specs => DynamoDbSpecs.All();

    [Theory]
    [MemberData(nameof(Specs))]
    public void ExportedFilesMatchTheGoldenFiles(string spec)
    {
        var files = DesignExporter.Plan(DynamoDbSpecs.Design(spec));
        var update = Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";
        var folder = update
            ? Path.Combine(TestPaths.RepositoryRoot, "tests", "DbArchitect.Core.Tests", "Golden", "dynamodb", spec)
            : Path.Combine(AppContext.BaseDirectory, "Golden", "dynamodb", spec);
        if (update)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            foreach (var file in files)
            {
                var path = Path.Combine(folder, file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, Encoding.UTF8.GetBytes(file.Content));
            }

            return;
        }

        Assert.Equal(
            Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal),
            files.Select(f => f.RelativePath).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            var expected = File.ReadAllBytes(Path.Combine(folder, file.RelativePath));
            Assert.True(expected.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(file.Content)), $"{spec}/{file.RelativePath} differs from its golden file; see the class comment to regenerate.");
        }
    }
}
