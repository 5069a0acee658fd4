namespace DbArchitect.Core.Tests;

/// <summary>Locates files of the repository from a test run (bin/…/net10.0 is five levels below the root).</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Examples => Path.Combine(RepositoryRoot, "examples", "requirements");

    /// <summary>Every example and hostile spec, relative to the root with '/' ("examples/requirements/ecommerce.yaml"), in ordinal order.</summary>
    public static IReadOnlyList<string> ExampleAndHostileSpecs { get; } = Directory.GetFiles(Examples, "*.yaml")
        .Concat(Directory.GetFiles(Path.Combine(RepositoryRoot, "tests", "fixtures", "hostile"), "*.yaml"))
        .Select(f => Path.GetRelativePath(RepositoryRoot, f).Replace('\\', '/'))
        .Order(StringComparer.Ordinal).ToArray();

    /// <summary><see cref="ExampleAndHostileSpecs"/> as a theory's data.</summary>
    public static TheoryData<string> ExampleAndHostileSpecData() => new(ExampleAndHostileSpecs);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DbArchitect.PS.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root (DbArchitect.PS.sln) not found above " + AppContext.BaseDirectory);
    }
}
