using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Scalability;
using static DbArchitect.Core.Tests.Design.Spec;
using static DbArchitect.Core.Tests.Technology.TechnologyFixtures;

namespace DbArchitect.Core.Tests.Scalability;

public sealed class ScalabilityRoadmapTests
{
    private static DbRequirement Growing(long rows, long perDay, double tps = 100, int readShare = 80, Retention? retention = null) => Requirement(
        new[] { Entity("event", rows, perDay, Attr("name", LogicalType.String(40), required: true)) },
        workload: new WorkloadProfile(rows, perDay, new ReadWriteRatio(readShare, 100 - readShare), 50, 100, tps, retention));

    [Fact]
    public void PhasesStartWithLaunchAndFollowTheExpectedMonths()
    {
        foreach (var example in new[] { "ecommerce", "iot-telemetry", "saas-projects", "social-content" })
        {
            var roadmap = DesignEngine.Create(Example(example)).Roadmap;
            Assert.Equal("Launch", roadmap[0].Trigger);
            Assert.Equal(0, roadmap[0].ExpectedInMonths);
            Assert.Equal(Enumerable.Range(1, roadmap.Count), roadmap.Select(p => p.Order));
            var months = roadmap.Select(p => p.ExpectedInMonths ?? double.MaxValue).ToArray();
            Assert.Equal(months.OrderBy(m => m), months);
        }
    }

    [Fact]
    public void ATableReachesThePartitioningSizeAtItsGrowthRate()
    {
        // 10M rows + 1M/day reaches 50M after 40 days = 1.3 months.
        var phase = DesignEngine.Create(Growing(10_000_000, 1_000_000)).Roadmap.Single(p => p.Trigger == "event passes 50,000,000 rows");
        Assert.Equal(1.3, phase.ExpectedInMonths);
        Assert.Equal("in about 2 months", phase.ExpectedIn);
        Assert.Contains("Range-partition event by created_at", phase.Step, StringComparison.Ordinal);
    }

    [Fact]
    public void RetentionShorterThanTheWayToTheThresholdMeansItIsNeverReached()
    {
        var roadmap = DesignEngine.Create(Growing(10_000_000, 1_000_000, retention: new Retention(30, RetentionUnit.Day))).Roadmap;
        Assert.DoesNotContain(roadmap, p => p.Trigger.StartsWith("event passes", StringComparison.Ordinal));
    }

    [Fact]
    public void DataPassesMemoryWhenTheSizeFunctionSaysSo()
    {
        var design = DesignEngine.Create(Growing(10_000_000, 1_000_000));
        var table = design.Physical.FindTable("event")!;
        var memory = 64.0 * 1024 * 1024 * 1024;
        var sizing = new RoadmapSizing(design.CapacityForecast);
        var expected = (memory - sizing.BytesAt(table, 0, null)) / (1_000_000 * sizing.BytesPerRow(table)) / 30.44;
        var phase = design.Roadmap.Single(p => p.Trigger == "Data passes memory (64 GB)");
        Assert.Equal(Math.Round(expected, 1), phase.ExpectedInMonths);
    }

    [Fact]
    public void ReadsBeyondOneNodeNeedReplicasNowAndACacheWhenReplicasAreOutgrown()
    {
        // Spec states 16 cores: 8,000 read TPS per node, 32,000 with three replicas.
        var roadmap = DesignEngine.Create(Growing(1_000, 10, tps: 10_000, readShare: 90)).Roadmap;
        Assert.Equal(0, roadmap.Single(p => p.Step.StartsWith("Read replicas", StringComparison.Ordinal)).ExpectedInMonths);
        var cache = roadmap.Single(p => p.Step.StartsWith("Cache", StringComparison.Ordinal));
        // 9,000 read TPS growing 50% a year reaches 32,000 after 12·ln(32000/9000)/ln(1.5) = 37.5 months.
        Assert.Equal(37.5, cache.ExpectedInMonths);
    }

    [Fact]
    public void WritesBeyondOnePrimaryMakeShardingTheStepNow()
    {
        var sharding = DesignEngine.Create(Example("iot-telemetry")).Roadmap.Single(p => p.Step.StartsWith("Horizontal sharding with Citus", StringComparison.Ordinal));
        Assert.Equal(0, sharding.ExpectedInMonths);
        Assert.Contains("vehicleId", sharding.Step, StringComparison.Ordinal);
    }

    [Fact]
    public void MultiTenantDesignsDistributeEveryTenantTableByTheTenantKeyInOneGroup()
    {
        var design = DesignEngine.Create(Example("saas-projects"));
        var plan = design.Distribution!;
        Assert.Equal("TenantId", plan.DistributionColumn);
        Assert.All(plan.Tables, t => Assert.Equal("tenant", t.ColocationGroup));
        Assert.All(plan.Tables.Where(t => t.Table != "Tenant"), t => Assert.Equal("TenantId", t.Column));
    }

    [Fact]
    public void SingleTenantDesignsDistributeByTheKeyMostPatternsFilterOnAndCopySmallTables()
    {
        var plan = DesignEngine.Create(Example("ecommerce")).Distribution!;
        Assert.Equal("customer_id", plan.DistributionColumn);
        DistributedTable T(string name) => plan.Tables.Single(t => t.Table == name);
        Assert.Equal(DistributionRole.Distributed, T("order").Role);
        Assert.Equal("customer_id", T("order").Column);
        Assert.Equal("customer", T("order").ColocationGroup);
        Assert.Equal("customer", T("customer").ColocationGroup);
        Assert.Equal(DistributionRole.Reference, T("category").Role);
        Assert.Equal(DistributionRole.Reference, T("product").Role);
    }

    [Fact]
    public void ASmallRootBecomesAReferenceTableAndItsChildrenStayCoLocated()
    {
        var plan = DesignEngine.Create(Example("iot-telemetry")).Distribution!;
        Assert.Equal(DistributionRole.Reference, plan.Tables.Single(t => t.Table == "vehicle").Role);
        Assert.Equal(new[] { "vehicle", "vehicle" }, plan.Tables.Where(t => t.Role == DistributionRole.Distributed).Select(t => t.ColocationGroup));
    }

    [Fact]
    public void EveryPhaseIsADecisionWithItsExpectedTime()
    {
        var design = DesignEngine.Create(Example("social-content"));
        var decisions = design.Decisions.Where(d => d.Area == DesignAreas.ScalabilityRoadmap).ToArray();
        Assert.Equal(design.Roadmap.Count + 1, decisions.Length);
        Assert.All(design.Roadmap, p => Assert.Contains(decisions, d => d.Subject == $"Phase {p.Order}: {p.Trigger}" && d.Reason.StartsWith("Expected: " + p.ExpectedIn, StringComparison.Ordinal)));
        Assert.Contains(decisions, d => d.Subject == "Distribution plan");
    }

    [Fact]
    public void TheCitusScriptIsAReferenceWithKeysFirstAndDistributionAfter()
    {
        var design = DesignEngine.Create(Example("ecommerce"));
        var script = EngineRegistry.Get("postgresql").Scripts.Generate(design).Single(s => s.RelativePath == "sharding/citus.sql");
        Assert.Equal(ScriptKind.Reference, script.Kind);
        Assert.False(script.IsBuildStep);
        var marker = script.Text.IndexOf("-- Part 2: needs Citus", StringComparison.Ordinal);
        Assert.True(marker > 0);
        var header = string.Join("\n", script.Text.Split('\n').Take(2));
        Assert.Contains("REFERENCE ONLY", header, StringComparison.Ordinal);
        Assert.Contains("CREATE EXTENSION citus is not available", header, StringComparison.Ordinal);
        var plain = script.Text[..marker];
        var citus = script.Text[marker..];
        Assert.DoesNotContain("create_distributed_table", plain, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE shop_fast.\"order\" ADD CONSTRAINT pk_order PRIMARY KEY (customer_id, id);", plain, StringComparison.Ordinal);
        Assert.Contains("CREATE EXTENSION IF NOT EXISTS citus;", citus, StringComparison.Ordinal);
        Assert.Contains("SELECT create_reference_table('shop_fast.category');", citus, StringComparison.Ordinal);
        Assert.Contains("SELECT create_distributed_table('shop_fast.customer', 'id');", citus, StringComparison.Ordinal);
        Assert.Contains("SELECT create_distributed_table('shop_fast.\"order\"', 'customer_id', colocate_with => 'shop_fast.customer');", citus, StringComparison.Ordinal);
        // Reference tables come before the distributed tables that reference them.
        Assert.True(citus.IndexOf("create_reference_table('shop_fast.product')", StringComparison.Ordinal) < citus.IndexOf("create_distributed_table", StringComparison.Ordinal));
    }

    [Fact]
    public void CitusGetsQuotedTableNamesAndTheExactColumnName()
    {
        var design = DesignEngine.Create(Example("saas-projects"));
        var text = EngineRegistry.Get("postgresql").Scripts.Generate(design).Single(s => s.RelativePath == "sharding/citus.sql").Text;
        Assert.Contains("SELECT create_distributed_table('taskcloud.\"Tenant\"', 'Id');", text, StringComparison.Ordinal);
        Assert.Contains("SELECT create_distributed_table('taskcloud.\"Task\"', 'TenantId', colocate_with => 'taskcloud.\"Tenant\"');", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DesignDocumentShowsTheRankingThePhasesAndTheDistributionPlan()
    {
        var design = DesignEngine.Create(Example("iot-telemetry"));
        var md = DesignDocument.Render(design, EngineRegistry.Get("postgresql").Scripts.Generate(design));
        Assert.Contains("#### Technology Ranking", md, StringComparison.Ordinal);
        Assert.Contains("| 1 | TimescaleDB | time-series |", md, StringComparison.Ordinal);
        Assert.Contains("#### Supporting Technologies Considered", md, StringComparison.Ordinal);
        Assert.Contains("| Analytics store | yes | ClickHouse fed by change data capture |", md, StringComparison.Ordinal);
        Assert.Contains("#### Roadmap Phases", md, StringComparison.Ordinal);
        Assert.Contains("| 1 | Launch | now |", md, StringComparison.Ordinal);
        Assert.Contains("#### Distribution Plan", md, StringComparison.Ordinal);
        Assert.Contains("sharding/citus.sql", md, StringComparison.Ordinal);
        Assert.True(md.IndexOf("#### Technology Ranking", StringComparison.Ordinal) < md.IndexOf("### Schema Design", StringComparison.Ordinal));
        Assert.True(md.IndexOf("#### Roadmap Phases", StringComparison.Ordinal) > md.IndexOf("### Scalability Roadmap", StringComparison.Ordinal));
    }

    [Fact]
    public void TheRoadmapIsDeterministic()
    {
        static string Text(DbDesign d) => string.Join("\n", d.Roadmap) + d.Distribution;
        Assert.Equal(Text(DesignEngine.Create(Example("saas-projects"))), Text(DesignEngine.Create(Example("saas-projects"))));
    }
}
