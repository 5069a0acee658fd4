namespace DbArchitect.Core.Tests.MongoDb;

/// <summary>
/// The mongodb/ files and the diagram of every example and hostile spec, byte for byte, against Golden/mongodb/&lt;spec&gt;/.
/// After an intended change: <c>UPDATE_GOLDEN=1 dotnet test tests/DbArchitect.Core.Tests --filter FullyQualifiedName~MongoDbGolden</c>
/// </summary>
public sealed class MongoDbGoldenTests
{
    public static TheoryData<string> Specs() => MongoDbDesigns.All();

    [Theory]
    [MemberData(nameof(Specs))]
    public void Files_match_the_golden_files(string spec)
    {
        var name = MongoDbDesigns.ShortName(spec);
        var files = MongoDbDesigns.Files(MongoDbDesigns.Design(spec))
            .Where(f => f.RelativePath.StartsWith("mongodb/", StringComparison.Ordinal) || f.RelativePath == "er.mmd").ToList();
        var update = Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";
        var folder = update
            ? Path.Combine(TestPaths.RepositoryRoot, "tests", "DbArchitect.Core.Tests", "Golden", "mongodb", name)
            : Path.Combine(AppContext.BaseDirectory, "Golden", "mongodb", name);
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
                File.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(file.Content));
            }

            return;
        }

        Assert.Equal(
            Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal),
            files.Select(f => f.RelativePath).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            var expected = File.ReadAllBytes(Path.Combine(folder, file.RelativePath));
            Assert.True(expected.AsSpan().SequenceEqual(System.Text.Encoding.UTF8.GetBytes(file.Content)), $"{name}/{file.RelativePath} differs from its golden file; see the class comment to regenerate.");
        }
    }
}
