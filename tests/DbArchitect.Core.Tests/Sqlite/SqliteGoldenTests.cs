using DbArchitect.Core.Design;
using DbArchitect.Core.Engines.Sqlite;
using DbArchitect.Core.Tests.Design;

namespace DbArchitect.Core.Tests.Sqlite;

/// <summary>
/// The numbered scripts and query templates of the shop model, byte for byte, against Golden/sqlite/shop/. After an
/// intended change: <c>UPDATE_GOLDEN=1 dotnet test tests/DbArchitect.Core.Tests --filter FullyQualifiedName~SqliteGolden</c>
/// </summary>
public sealed class SqliteGoldenTests
{
    [Fact]
    public void Shop_scripts_match_the_golden_files()
    {
        var design = DesignEngine.Create(Spec.Shop(), "sqlite");
        var scripts = new SqliteScripts().Generate(design).Where(s => s.IsBuildStep || s.RelativePath.StartsWith("queries/", StringComparison.Ordinal)).ToList();
        var update = Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";
        var folder = update
            ? Path.Combine(TestPaths.RepositoryRoot, "tests", "DbArchitect.Core.Tests", "Golden", "sqlite", "shop")
            : Path.Combine(AppContext.BaseDirectory, "Golden", "sqlite", "shop");
        if (update)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            foreach (var script in scripts)
            {
                var file = Path.Combine(folder, script.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, System.Text.Encoding.UTF8.GetBytes(script.Text));
            }

            return;
        }

        Assert.Equal(
            Directory.GetFiles(folder, "*.sql", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal),
            scripts.Select(s => s.RelativePath).Order(StringComparer.Ordinal));
        foreach (var script in scripts)
        {
            var expected = File.ReadAllBytes(Path.Combine(folder, script.RelativePath));
            Assert.True(expected.AsSpan().SequenceEqual(System.Text.Encoding.UTF8.GetBytes(script.Text)), $"shop/{script.RelativePath} differs from its golden file; see the class comment to regenerate.");
        }
    }
}
