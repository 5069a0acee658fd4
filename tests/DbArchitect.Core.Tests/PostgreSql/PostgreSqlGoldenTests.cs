using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Tests.PostgreSql;

/// <summary>
/// The generated scripts of the test models, byte for byte, against Golden/postgresql/&lt;model&gt;/. After an
/// intended change, regenerate them into the source tree and review the diff:
/// <c>UPDATE_GOLDEN=1 dotnet test tests/DbArchitect.Core.Tests --filter FullyQualifiedName~PostgreSqlGolden</c>
/// </summary>
public sealed class PostgreSqlGoldenTests
{
    public static TheoryData<string> Models => new() { "hostile", "plain", "edge" };

    [Theory]
    [MemberData(nameof(Models))]
    public void ScriptsMatchTheGoldenFiles(string name)
    {
        var scripts = new PostgreSqlScripts().Generate(PgModels.Named(name));
        var update = Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";
        var folder = update
            ? Path.Combine(TestPaths.RepositoryRoot, "tests", "DbArchitect.Core.Tests", "Golden", "postgresql", name)
            : Path.Combine(AppContext.BaseDirectory, "Golden", "postgresql", name);

        if (update)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
            foreach (var script in scripts)
            {
                var file = Path.Combine(folder, script.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, System.Text.Encoding.UTF8.GetBytes(script.Text));
            }

            return;
        }

        Assert.Equal(
            Directory.GetFiles(folder, "*.sql", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal),
            scripts.Select(s => s.RelativePath).Order(StringComparer.Ordinal));
        foreach (var script in scripts)
        {
            var expected = File.ReadAllBytes(Path.Combine(folder, script.RelativePath));
            var actual = System.Text.Encoding.UTF8.GetBytes(script.Text);
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{name}/{script.RelativePath} differs from its golden file; see the class comment to regenerate.");
        }
    }
}
