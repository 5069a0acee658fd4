using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.Design;

/// <summary>DesignEngine.Target names the engine and schema a design would use without making it (what live calibration reads first).</summary>
public sealed class DesignTargetTests
{
    public static TheoryData<string, string?> SpecsAndEngines()
    {
        var data = new TheoryData<string, string?>();
        var hostile = Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "hostile");
        foreach (var spec in Directory.GetFiles(TestPaths.Examples, "*.yaml").Concat(Directory.GetFiles(hostile, "*.yaml")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(TestPaths.RepositoryRoot, spec), null);
            foreach (var engine in EngineRegistry.All)
            {
                data.Add(Path.GetRelativePath(TestPaths.RepositoryRoot, spec), engine.Id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SpecsAndEngines))]
    public void TargetIsTheEngineAndSchemaTheDesignUses(string spec, string? engine)
    {
        var requirement = RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec));
        var design = DesignEngine.Create(requirement, engine);
        Assert.Equal((design.Engine, design.Physical.Schema), DesignEngine.Target(requirement, engine));
    }
}
