using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Partitioning;
using DbArchitect.Core.Requirements;
using Xunit;

namespace DbArchitect.Core.Tests.Partitioning;

public sealed class PartitionPlannerTests
{
    private static readonly PartitionRules Postgres = EngineRegistry.Get("postgresql").Partitioning!.Rules;

    [Fact]
    public void Sizing_picks_the_longest_interval_inside_the_band_and_the_retention_and_states_the_arithmetic()
    {
        var plan = PartitionPlanner.Plan("postgresql", Postgres, PartitionDesigns.Volume(1_000_000, 200), new PartitionRequest { Retention = new Retention(1, RetentionUnit.Year) });
        Assert.Equal(PartitionInterval.Month, plan.Interval);
        Assert.Equal(17, plan.Sizing!.PartitionsAtRetention);
        Assert.Contains("1,000,000 rows/day × 200 B per row", plan.Sizing.Arithmetic, StringComparison.Ordinal);
        Assert.Contains("= 190.7 MB/day × 30.44 days = 5.7 GB per month partition, inside the 1 GB to 32 GB per partition band", plan.Sizing.Arithmetic, StringComparison.Ordinal);
        Assert.Contains("ceil(365.25 / 30.44) = 12 partitions, plus 4 premade and the DEFAULT partition = 17 partitions", plan.Sizing.Arithmetic, StringComparison.Ordinal);
    }

    [Fact]
    public void The_designs_partitioning_decision_is_sized_by_the_planner()
    {
        var design = DesignEngine.Create(RequirementsReader.Load(PartitionDecisionTests.ChatSpec), "postgresql");
        var decision = Assert.Single(design.Decisions, d => d.Area == "Partitioning" && d.Subject == "message");
        var plan = PartitionPlanner.Script(EngineRegistry.Get("postgresql"), PartitionTargets.FromDesign(design, "message"),
            new PartitionRequest { Retention = design.Requirement.Workload.Retention }).Plan;
        Assert.Contains(plan.Sizing!.Arithmetic, decision.Reason, StringComparison.Ordinal);
        Assert.Equal($"Range-partition by created_at, {plan.Interval!.Adjective}", decision.Decision);
    }

    [Fact]
    public void Sizing_goes_daily_for_a_huge_table_and_yearly_for_a_small_one_without_retention()
    {
        var huge = PartitionPlanner.Plan("postgresql", Postgres, PartitionDesigns.Volume(200_000_000, 300), new PartitionRequest());
        Assert.Equal(PartitionInterval.Day, huge.Interval);
        Assert.Contains("above the 1 GB to 32 GB per partition band", huge.Sizing!.Arithmetic, StringComparison.Ordinal);
        var small = PartitionPlanner.Plan("postgresql", Postgres, PartitionDesigns.Volume(10_000, 100), new PartitionRequest());
        Assert.Equal(PartitionInterval.Year, small.Interval);
        Assert.Contains("below the 1 GB to 32 GB per partition band", small.Sizing!.Arithmetic, StringComparison.Ordinal);
        Assert.Contains("No retention is stated", small.Sizing.Arithmetic, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mysql", 30, "8,192")]
    [InlineData("mariadb", 30, "8,192")]
    [InlineData("sqlserver", 50, "15,000")]
    public void Plans_past_the_engines_partition_limit_are_refused_with_the_arithmetic(string engine, int years, string limit)
    {
        var rules = EngineRegistry.Get(engine).Partitioning!.Rules;
        var error = Assert.Throws<DbArchitectException>(() => PartitionPlanner.Plan(engine, rules, PartitionDesigns.Volume(1000, 100),
            new PartitionRequest { Interval = PartitionInterval.Day, Retention = new Retention(years, RetentionUnit.Year) }));
        Assert.Equal("PartitionLimitExceeded", error.Errors[0].ErrorId);
        Assert.Contains(limit, error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("Use a longer -Interval", error.Errors[0].Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Sizing_lengthens_the_interval_to_stay_under_the_mysql_limit()
    {
        var rules = EngineRegistry.Get("mysql").Partitioning!.Rules;
        var plan = PartitionPlanner.Plan("mysql", rules, PartitionDesigns.Volume(1000, 100), new PartitionRequest { Retention = new Retention(30, RetentionUnit.Year) });
        Assert.True(plan.Sizing!.PartitionsAtRetention <= 8192);
    }

    [Fact]
    public void Primary_key_gains_the_partition_key_and_unique_keys_without_it_are_kept_by_a_lookup_table()
    {
        var plan = PartitionDesigns.Script("postgresql").Plan;
        Assert.Equal(new[] { "id", "created_at" }, plan.PrimaryKey);
        var pk = Assert.Single(plan.ConstraintChanges, c => c.Change.StartsWith("primary key", StringComparison.Ordinal));
        Assert.Contains("must contain the partition key created_at", pk.Reason, StringComparison.Ordinal);
        var unique = Assert.Single(plan.ConstraintChanges, c => c.Change.Contains("unique (code)", StringComparison.Ordinal));
        Assert.Equal("unique (code) is kept by a lookup table", unique.Change);
        Assert.Contains("Trade-off: every insert, key change and delete writes one more row", unique.Reason, StringComparison.Ordinal);
        Assert.Equal(new[] { "uq_event_code" }, plan.Lookups.Select(k => k.Name));
        Assert.DoesNotContain(plan.Warnings, w => w.Contains("Unique (code)", StringComparison.Ordinal));
        var parent = PartitionDesigns.Script("postgresql").Steps[0].Sql;
        Assert.DoesNotContain("UNIQUE (code)", parent, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX IF NOT EXISTS uq_event_code ON public.uq_event_code_lookup (code)", parent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_engine_without_lookups_drops_the_unique_key_and_says_how_to_keep_it()
    {
        var plan = PartitionDesigns.Script("mariadb", new PartitionRequest { Interval = PartitionInterval.Month }).Plan;
        var unique = Assert.Single(plan.ConstraintChanges, c => c.Change.Contains("unique (code)", StringComparison.Ordinal));
        Assert.Equal("unique (code) is dropped", unique.Change);
        Assert.Contains("lookup table with its own unique (code), written by a trigger", unique.Reason, StringComparison.Ordinal);
        Assert.Contains(plan.Warnings, w => w.Contains("Unique (code)", StringComparison.Ordinal));
    }

    [Fact]
    public void Mysql_plans_drop_foreign_keys_and_say_what_replaces_them()
    {
        var script = PartitionDesigns.Script("mariadb", new PartitionRequest { Interval = PartitionInterval.Month });
        var fk = Assert.Single(script.Plan.ConstraintChanges, c => c.Change.Contains("foreign key", StringComparison.Ordinal));
        Assert.Contains("cannot have foreign keys", fk.Reason, StringComparison.Ordinal);
        Assert.Contains("orphan check", fk.Reason, StringComparison.Ordinal);
        var orphan = Assert.Single(script.Steps, s => s.Name == "orphan-check");
        Assert.Matches("LEFT JOIN `?customer`? AS p ON p.`?id`? = c.`?customer_id`?", orphan.Sql);
        Assert.DoesNotContain("FOREIGN KEY", script.Steps[0].Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void List_plans_take_the_enum_members_and_hash_plans_a_power_of_two()
    {
        var list = PartitionDesigns.Script("postgresql", new PartitionRequest { Strategy = PartitionStrategy.List, Column = "kind" }).Plan;
        Assert.Equal(new[] { "click", "view", "buy" }, list.ListValues);
        Assert.Null(list.Retention);
        var hash = PartitionDesigns.Script("postgresql", new PartitionRequest { Strategy = PartitionStrategy.Hash, Column = "id" }).Plan;
        Assert.True(hash.HashPartitions >= 4 && (hash.HashPartitions & (hash.HashPartitions - 1)) == 0);
    }

    [Theory]
    [InlineData("code", PartitionStrategy.Range, "PartitionKeyNotRangeable")]
    [InlineData("amount", PartitionStrategy.Range, "PartitionWidthMissing")]
    [InlineData("nope", PartitionStrategy.Range, "PartitionKeyNotFound")]
    [InlineData("code", PartitionStrategy.List, "PartitionListValuesMissing")]
    public void Impossible_requests_fail_with_their_error_id(string column, PartitionStrategy strategy, string errorId)
    {
        var error = Assert.Throws<DbArchitectException>(() => PartitionDesigns.Script("postgresql", new PartitionRequest { Column = column, Strategy = strategy }));
        Assert.Equal(errorId, error.Errors[0].ErrorId);
    }

    [Fact]
    public void Engines_without_partitioning_and_unsupported_modes_are_refused()
    {
        var none = Assert.Throws<DbArchitectException>(() => PartitionPlanner.EngineOf(EngineRegistry.Get("sqlite"))).Errors[0];
        Assert.Equal("PartitioningNotSupported", none.ErrorId);
        Assert.Equal("Use -Engine postgresql, mysql, mariadb, sqlserver or oracle; on this engine split the table by time into separate tables.", none.Fix);
        Assert.Equal("PartitionModeNotSupported", Assert.Throws<DbArchitectException>(() => PartitionDesigns.Script("mysql", new PartitionRequest { Mode = PostgreSqlPartitionModes.PgPartman })).Errors[0].ErrorId);
    }

    [Fact]
    public void Modes_are_the_engines_own_and_matched_ignoring_case()
    {
        var refused = Assert.Throws<DbArchitectException>(() => PartitionDesigns.Script("mysql", new PartitionRequest { Mode = "pgpartman" })).Errors[0];
        Assert.Equal("Mode PgPartman is not available on mysql.", refused.Message);
        Assert.Equal("Use -Mode Native.", refused.Fix);
        var unknown = Assert.Throws<DbArchitectException>(() => PartitionDesigns.Script("postgresql", new PartitionRequest { Mode = "Citus" })).Errors[0];
        Assert.Equal("Use -Mode Native or -Mode PgPartman or -Mode TimescaleDb.", unknown.Fix);
        Assert.Equal(PostgreSqlPartitionModes.TimescaleDb, PartitionDesigns.Script("postgresql", new PartitionRequest { Mode = "timescaledb" }).Mode);
    }

    [Fact]
    public void Explicit_start_lists_the_boundaries_through_the_premake_window()
    {
        var plan = PartitionDesigns.Script("postgresql", new PartitionRequest { Interval = PartitionInterval.Quarter, Start = new DateTime(2026, 2, 10), Premake = 2 }).Plan;
        Assert.Equal(new[] { "p2026q1", "p2026q2", "p2026q3" }, plan.Boundaries.Select(b => b.Name));
        Assert.Equal("2026-04-01", plan.Boundaries[1].From);
        Assert.Equal("2026-07-01", plan.Boundaries[1].To);
    }

    [Fact]
    public void The_same_request_writes_the_same_bytes()
    {
        var first = PartitionDesigns.Script("postgresql").ToScripts().Select(s => s.Text);
        var second = PartitionDesigns.Script("postgresql").ToScripts().Select(s => s.Text);
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("2026-01-07", IntervalUnit.Week, "2026-01-05", "2026w02")]
    [InlineData("2026-05-31", IntervalUnit.Quarter, "2026-04-01", "2026q2")]
    [InlineData("2026-12-31", IntervalUnit.Day, "2026-12-31", "20261231")]
    public void Interval_floors_and_names_match_the_engines(string value, IntervalUnit unit, string floor, string suffix)
    {
        var interval = new PartitionInterval(unit);
        var start = interval.Floor(DateTime.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(floor, start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(suffix, interval.Suffix(start));
    }
}
