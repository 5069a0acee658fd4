using DbArchitect.Core.Design;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.MySql;

/// <summary>Examples and hostile specs designed for the MySQL-family engines.</summary>
internal static class MySqlDesigns
{
    public static IEnumerable<string> Specs() => TestPaths.ExampleAndHostileSpecs;

    public static DbDesign Design(string spec, string engine) =>
        DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec)), engine);

    public static string Script(DbDesign design, string name) =>
        Core.Engines.EngineRegistry.Get(design.Engine).Scripts.Generate(design).Single(s => s.RelativePath.EndsWith(name, StringComparison.Ordinal)).Text;

    public static string AllScripts(DbDesign design) =>
        string.Concat(Core.Engines.EngineRegistry.Get(design.Engine).Scripts.Generate(design).Select(s => s.Text));
}
