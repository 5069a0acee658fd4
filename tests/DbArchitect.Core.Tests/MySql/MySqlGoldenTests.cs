using DbArchitect.Core.Engines;

namespace DbArchitect.Core.Tests.MySql;

/// <summary>
/// The numbered build scripts of the e-commerce example for each dialect, byte for byte, against
/// Golden/&lt;engine&gt;/ecommerce/. After an intended change, regenerate and review the diff:
/// <c>UPDATE_GOLDEN=1 dotnet test tests/DbArchitect.Core.Tests --filter FullyQualifiedName~MySqlGolden</c>
/// </summary>
public sealed class MySqlGoldenTests
{
    [Theory]
    [InlineData("mysql")]
    [InlineData("mariadb")]
    public void BuildScriptsMatchTheGoldenFiles(string engine)
    {
        var design = MySqlDesigns.Design("examples/requirements/ecommerce.yaml", engine);
        var scripts = EngineRegistry.Get(engine).Scripts.Generate(design).Where(s => s.IsBuildStep).ToList();
        var update = Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";
        var folder = update
            ? Path.Combine(TestPaths.RepositoryRoot, "tests", "DbArchitect.Core.Tests", "Golden", engine, "ecommerce")
            : Path.Combine(AppContext.BaseDirectory, "Golden", engine, "ecommerce");
        if (update)
        {
            Directory.CreateDirectory(folder);
            foreach (var old in Directory.GetFiles(folder))
            {
                File.Delete(old);
            }

            foreach (var script in scripts)
            {
                File.WriteAllBytes(Path.Combine(folder, script.RelativePath), System.Text.Encoding.UTF8.GetBytes(script.Text));
            }

            return;
        }

        Assert.Equal(Directory.GetFiles(folder, "*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal), scripts.Select(s => s.RelativePath).Order(StringComparer.Ordinal));
        foreach (var script in scripts)
        {
            var expected = File.ReadAllText(Path.Combine(folder, script.RelativePath));
            Assert.True(expected == script.Text, $"{engine}/{script.RelativePath} differs from its golden file; see the class comment to regenerate.");
        }
    }
}
