using DbArchitect.Core.Design;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.Technology;

/// <summary>
/// Every exported file of the engine: auto design of each polyglot fixture (tests/fixtures/polyglot), parts folders
/// included, byte for byte, against Golden/polyglot/&lt;fixture&gt;/. After an intended change:
/// <c>UPDATE_GOLDEN=1 dotnet test tests/DbArchitect.Core.Tests --filter FullyQualifiedName~PolyglotGolden</c>
/// </summary>
public sealed class PolyglotGoldenTests
{
    public static TheoryData<string> Fixtures => new() { "ride-hailing", "catalog-read-heavy", "metrics-events", "session-store", "document-catalog" };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void ExportedFilesMatchTheGoldenFiles(string fixture)
    {
        var requirement = RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "polyglot", fixture + ".yaml"));
        GoldenFolder.Check("polyglot/" + fixture, DesignExporter.Plan(DesignEngine.Create(requirement)).Select(f => (f.RelativePath, f.Content)).ToList());
    }
}
