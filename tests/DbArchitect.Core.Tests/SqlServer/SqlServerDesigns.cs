using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.SqlServer;

/// <summary>Every example and hostile spec designed with -Engine sqlserver, and their scripts.</summary>
internal static class SqlServerDesigns
{
    public static IEnumerable<string> SpecFiles() => TestPaths.ExampleAndHostileSpecs;

    public static DbDesign Design(string relativePath) =>
        DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, relativePath)), "sqlserver");

    public static IReadOnlyList<SqlScript> Scripts(DbDesign design) => EngineRegistry.Get("sqlserver").Scripts.Generate(design);
}
