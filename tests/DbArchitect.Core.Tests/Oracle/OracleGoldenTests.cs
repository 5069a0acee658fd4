using DbArchitect.Core.Engines.Oracle;

namespace DbArchitect.Core.Tests.Oracle;

/// <summary>
/// The generated scripts of the ecommerce example (a shop) and the reserved-words spec, byte for byte, against
/// Golden/oracle/&lt;name&gt;/. After an intended change, regenerate and review the diff:
/// <c>UPDATE_GOLDEN=1 dotnet test tests/DbArchitect.Core.Tests --filter FullyQualifiedName~OracleGolden</c>
/// </summary>
public sealed class OracleGoldenTests
{
    public static TheoryData<string, string> Models => new()
    {
        { "ecommerce", "examples/requirements/ecommerce.yaml" },
        { "reserved-words", "tests/fixtures/hostile/reserved-words.yaml" },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void ScriptsMatchTheGoldenFiles(string name, string spec)
    {
        var scripts = new OracleScripts().Generate(OracleDesignTests.Design(spec));
        var update = Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";
        var folder = update
            ? Path.Combine(TestPaths.RepositoryRoot, "tests", "DbArchitect.Core.Tests", "Golden", "oracle", name)
            : Path.Combine(AppContext.BaseDirectory, "Golden", "oracle", name);
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
            Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal),
            scripts.Select(s => s.RelativePath).Order(StringComparer.Ordinal));
        foreach (var script in scripts)
        {
            var expected = File.ReadAllBytes(Path.Combine(folder, script.RelativePath));
            Assert.True(expected.AsSpan().SequenceEqual(System.Text.Encoding.UTF8.GetBytes(script.Text)), $"{name}/{script.RelativePath} differs from its golden file; see the class comment to regenerate.");
        }
    }
}
