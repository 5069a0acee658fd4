namespace DbArchitect.Integration.Tests;

internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Every example requirements file and every hostile-name spec: all of them must build a real database.</summary>
    public static IEnumerable<string> DesignSpecs() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot, "examples", "requirements"), "*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(RepositoryRoot, "tests", "fixtures", "hostile"), "*.yaml"))
            .Select(p => Path.GetRelativePath(RepositoryRoot, p))
            .OrderBy(p => p, StringComparer.Ordinal);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DbArchitect.PS.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The example requirements files (not the hostile specs), as theory data for tests that run one per example.</summary>
public static class ExampleSpecs
{
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var spec in TestPaths.DesignSpecs().Where(s => s.StartsWith("examples", StringComparison.Ordinal)))
        {
            data.Add(spec);
        }

        return data;
    }
}
