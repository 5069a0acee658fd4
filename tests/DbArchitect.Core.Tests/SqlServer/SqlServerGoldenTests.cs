namespace DbArchitect.Core.Tests.SqlServer;

/// <summary>
/// The generated scripts of the shop models, byte for byte, against Golden/sqlserver/&lt;model&gt;/. After an
/// intended change, regenerate them into the source tree and review the diff:
/// <c>UPDATE_GOLDEN=1 dotnet test tests/DbArchitect.Core.Tests --filter FullyQualifiedName~SqlServerGolden</c>
/// </summary>
public sealed class SqlServerGoldenTests
{
    public static TheoryData<string> Models => new() { "shop", "tenant-shop" };

    [Theory]
    [MemberData(nameof(Models))]
    public void ScriptsMatchTheGoldenFiles(string name)
    {
        var scripts = SqlServerDesigns.Scripts(SqlServerModels.Named(name));
        var update = Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";
        var folder = update
            ? Path.Combine(TestPaths.RepositoryRoot, "tests", "DbArchitect.Core.Tests", "Golden", "sqlserver", name)
            : Path.Combine(AppContext.BaseDirectory, "Golden", "sqlserver", name);

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
