using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Partitioning;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.Partitioning;

/// <summary>
/// A design partitions only event tables that grow, reach the size, and are read by time: users, channels and
/// memberships are never partitioned for retention, a 0-rows-a-day junction table gets no partitions, and a table
/// whose busiest query has no time filter gets no 3,658-partition plan. What the design decides, its scripts build.
/// </summary>
public sealed class PartitionDecisionTests
{
    /// <summary>tests/fixtures/partitioning/chat.yaml, shared with the integration test that builds it.</summary>
    public static readonly string ChatSpec = Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "partitioning", "chat.yaml");

    private static DbDesign Chat() => DesignEngine.Create(RequirementsReader.Load(ChatSpec), "postgresql");

    [Fact]
    public void Only_the_growing_event_table_read_by_time_is_partitioned()
    {
        var design = Chat();
        var decisions = PartitionDecisions.Decide(design.Requirement, design.Physical, design.CapacityForecast, EngineRegistry.Get("postgresql").Partitioning!.Rules)
            .ToDictionary(d => d.Table, StringComparer.Ordinal);
        Assert.Equal(new[] { "message" }, PartitionPlanner.Candidates(design));
        Assert.Contains("referenced by other tables", decisions["user"].Reason, StringComparison.Ordinal);
        Assert.Contains("referenced by other tables", decisions["channel"].Reason, StringComparison.Ordinal);
        Assert.Contains("junction table", decisions["membership"].Reason, StringComparison.Ordinal);
        Assert.Contains("views of a session", decisions["page_view"].Reason, StringComparison.Ordinal);
        Assert.Contains("partitions, above 64", decisions["page_view"].Reason, StringComparison.Ordinal);
        Assert.Equal(PartitionInterval.Month, decisions["message"].Sizing!.Interval);
    }

    [Fact]
    public void A_partition_plan_of_a_thing_others_reference_never_expires_it()
    {
        var design = Chat();
        Assert.Null(PartitionDecisions.RetentionFor(design, design.Physical.FindTable("user")!));
        Assert.Equal("10y", PartitionDecisions.RetentionFor(design, design.Physical.FindTable("message")!)?.ToString());
    }

    [Fact]
    public void The_numbered_scripts_build_the_partitioned_table()
    {
        var design = Chat();
        var message = design.Physical.FindTable("message")!;
        Assert.Equal("RANGE (created_at)", message.PartitionBy);
        Assert.Equal(new[] { "id", "created_at" }, message.PrimaryKey.Columns);
        Assert.All(design.Physical.Tables.Where(t => t.Name != "message"), t => Assert.Null(t.PartitionBy));
        var scripts = EngineRegistry.Get("postgresql").Scripts.Generate(design);
        Assert.Contains(") PARTITION BY RANGE (created_at);", scripts.Single(s => s.RelativePath == "002_tables.sql").Text, StringComparison.Ordinal);
        var partitions = scripts.Single(s => s.RelativePath == "003_partitions.sql").Text;
        Assert.Contains("CREATE TABLE public.message_default PARTITION OF public.message DEFAULT;", partitions, StringComparison.Ordinal);
        Assert.Contains("public.message_partition_maintenance()", partitions, StringComparison.Ordinal);
        Assert.Contains("interval '10 years'", partitions, StringComparison.Ordinal);
    }
}
