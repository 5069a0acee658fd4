using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Tests.Design;

namespace DbArchitect.Core.Tests.Sqlite;

/// <summary>Every example and hostile spec designs with -Engine sqlite, deterministically, and speaks SQLite throughout.</summary>
public sealed class SqliteDesignTests
{
    public static TheoryData<string> Specs() => TestPaths.ExampleAndHostileSpecData();

    [Theory]
    [MemberData(nameof(Specs))]
    public void Designs_without_error_and_twice_gives_the_same_bytes(string spec)
    {
        var requirement = RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec));
        var first = DesignEngine.Create(requirement, "sqlite");
        var second = DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec)), "sqlite");
        Assert.Equal("sqlite", first.Engine);
        var a = DesignExporter.Plan(first);
        var b = DesignExporter.Plan(second);
        Assert.Equal(a.Select(f => f.RelativePath), b.Select(f => f.RelativePath));
        foreach (var (x, y) in a.Zip(b))
        {
            Assert.True(x.Content == y.Content, $"{spec}: {x.RelativePath} differs between two runs");
        }
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Build_scripts_speak_sqlite_not_postgresql(string spec)
    {
        var design = DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, spec)), "sqlite");
        var scripts = EngineRegistry.Get("sqlite").Scripts.Generate(design);
        Assert.Equal("001_database.sql", scripts[0].RelativePath);
        Assert.Equal("002_tables.sql", scripts[1].RelativePath);
        foreach (var script in scripts.Where(s => s.RelativePath.EndsWith(".sql", StringComparison.Ordinal)))
        {
            // Statements only: comments may name what SQLite lacks (INCLUDE, GIN) to explain the choice.
            var sql = string.Join("\n", script.Text.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)));
            foreach (var foreign in new[] { "::", "gen_random_uuid", "timestamptz", "jsonb", "COMMENT ON", "ALTER TABLE", "plpgsql", "USING gin", "INCLUDE (", "$1" })
            {
                Assert.False(sql.Contains(foreign, StringComparison.Ordinal), $"{spec}: {script.RelativePath} contains PostgreSQL text '{foreign}'");
            }
        }

        Assert.All(scripts.Where(s => s.IsBuildStep && s.Kind == ScriptKind.Tables), s => Assert.Contains(") STRICT;", s.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Design_decisions_explain_the_sqlite_differences()
    {
        var design = DesignEngine.Create(Spec.Shop(tenancy: Tenancy.Multi), "sqlite");
        var titles = design.Decisions.Select(d => d.Subject).ToList();
        foreach (var expected in new[] { "Type enforcement", "Foreign keys", "Comments", "Access control", "Tenant isolation", "Scheduler", "Method" })
        {
            Assert.Contains(expected, titles);
        }
    }
}
