using DbArchitect.Core.Health;
using DbArchitect.Core.History;

namespace DbArchitect.Core.Tests.History;

public sealed class HealthTrendTests
{
    private static readonly DateTimeOffset Day = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    private static HealthHistoryRun Run(string id, int day) => new(id, null, Day.AddDays(day), Day.AddDays(day).AddMinutes(5), "0.1.0", 1);

    private static HealthHistoryRow Row(string run, string check, string target, string severity, string server = "db1", string database = "shop") =>
        new(run, server, 5432, database, "postgresql", check, severity, target, $"{check} on {target}");

    [Fact]
    public void Classifies_new_persistent_resolved_and_not_checked_between_the_last_two_runs()
    {
        var runs = new[] { Run("r3", 2), Run("r1", 0), Run("r2", 1) }; // any order in, oldest first out
        var rows = new[]
        {
            Row("r1", "FK_WITHOUT_INDEX", "public.a.fk", "Warning"),
            Row("r2", "FK_WITHOUT_INDEX", "public.a.fk", "Warning"),
            Row("r3", "FK_WITHOUT_INDEX", "public.a.fk", "Critical"),    // persistent, worse now
            Row("r2", "UNUSED_INDEX", "public.b_idx", "Warning"),
            Row("r3", "UNUSED_INDEX", "public.shop", "Pass"),            // the check ran: resolved
            Row("r2", "DEAD_TUPLES", "public.c", "Warning"),
            Row("r3", "DEAD_TUPLES", "public.shop", "Skipped"),          // did not run: not checked
            Row("r3", "TABLE_WITHOUT_PK", "public.d", "Info"),           // new
            Row("r1", "SEQUENCE_EXHAUSTION", "public.s", "Warning"),     // gone before the previous run
            Row("r2", "SEQUENCE_EXHAUSTION", "public.shop", "Pass"),
        };

        var trend = HealthTrend.Compute(runs, rows);

        Assert.Equal(new[] { "r1", "r2", "r3" }, trend.Runs.Select(r => r.RunId));
        var byCheck = trend.Items.ToDictionary(i => i.CheckId);
        Assert.Equal(HealthTrendChange.Persistent, byCheck["FK_WITHOUT_INDEX"].Change);
        Assert.Equal("Critical", byCheck["FK_WITHOUT_INDEX"].Severity);
        Assert.Equal(3, byCheck["FK_WITHOUT_INDEX"].RunsPresent);
        Assert.Equal(Day, byCheck["FK_WITHOUT_INDEX"].FirstSeen);
        Assert.Equal(Day.AddDays(2), byCheck["FK_WITHOUT_INDEX"].LastSeen);
        Assert.Equal(HealthTrendChange.Resolved, byCheck["UNUSED_INDEX"].Change);
        Assert.True(byCheck["UNUSED_INDEX"].ResolvedSincePreviousRun);
        Assert.Equal("r2", byCheck["UNUSED_INDEX"].LastSeenRunId);
        Assert.Equal(HealthTrendChange.NotChecked, byCheck["DEAD_TUPLES"].Change);
        Assert.False(byCheck["DEAD_TUPLES"].ResolvedSincePreviousRun);
        Assert.Equal(HealthTrendChange.New, byCheck["TABLE_WITHOUT_PK"].Change);
        Assert.True(byCheck["TABLE_WITHOUT_PK"].NewSincePreviousRun);
        Assert.Equal(HealthTrendChange.Earlier, byCheck["SEQUENCE_EXHAUSTION"].Change);
        Assert.Equal(5, trend.Items.Count); // Pass and Skipped rows are not findings
    }

    [Fact]
    public void A_finding_on_a_server_missing_from_the_latest_run_is_not_checked_rather_than_resolved()
    {
        var trend = HealthTrend.Compute(
            new[] { Run("r1", 0), Run("r2", 1) },
            new[] { Row("r1", "FK_WITHOUT_INDEX", "public.a.fk", "Warning", server: "db2"), Row("r2", "FK_WITHOUT_INDEX", "public.x", "Pass", server: "db1") });

        Assert.Equal(HealthTrendChange.NotChecked, Assert.Single(trend.Items).Change);
        var db2 = trend.Counts.Where(c => c.ServerName == "db2:5432").ToList();
        Assert.True(db2[0].Checked);
        Assert.False(db2[1].Checked);
    }

    [Fact]
    public void With_one_run_every_finding_is_new()
    {
        var trend = HealthTrend.Compute(new[] { Run("only", 0) }, new[] { Row("only", "FK_WITHOUT_INDEX", "t", "Warning") });
        Assert.Equal(HealthTrendChange.New, Assert.Single(trend.Items).Change);
        Assert.Null(trend.Previous);
    }

    [Fact]
    public void Minimum_severity_leaves_out_lower_findings_but_error_rows_always_count()
    {
        var rows = new[]
        {
            Row("r1", "A", "t", "Info"), Row("r1", "B", "t", "Warning"), Row("r1", "C", "t", "Critical"), Row("r1", "D", "t", "Error"),
        };
        Assert.Equal(new[] { "C", "D" }, HealthTrend.Compute(new[] { Run("r1", 0) }, rows, HealthStatus.Critical).Items.Select(i => i.CheckId).Order());
        Assert.Equal(4, HealthTrend.Compute(new[] { Run("r1", 0) }, rows).Items.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => HealthTrend.Compute(new[] { Run("r1", 0) }, rows, HealthStatus.Pass));
    }

    [Fact]
    public void Counts_per_server_and_run_split_findings_by_severity()
    {
        var trend = HealthTrend.Compute(
            new[] { Run("r1", 0), Run("r2", 1) },
            new[]
            {
                Row("r1", "A", "t1", "Warning"), Row("r1", "B", "t2", "Critical"), Row("r1", "C", "t3", "Pass"),
                Row("r2", "A", "t1", "Warning"), Row("r2", "E", "t9", "Error"),
            });
        var counts = trend.Counts.Where(c => c.ServerName == "db1:5432").ToList();
        Assert.Equal((2, 1, 1, 0, 0), (counts[0].Findings, counts[0].Critical, counts[0].Warning, counts[0].Info, counts[0].Error));
        Assert.Equal((2, 0, 1, 0, 1), (counts[1].Findings, counts[1].Critical, counts[1].Warning, counts[1].Info, counts[1].Error));
    }

    [Fact]
    public void Results_without_a_server_are_grouped_under_the_fallback_name()
    {
        var row = new HealthHistoryRow("r1", null, null, "shop", "postgresql", "A", "Warning", "t", "m");
        var trend = HealthTrend.Compute(new[] { Run("r1", 0) }, new[] { row });
        Assert.Equal(HealthTrend.UnknownServer, Assert.Single(trend.Items).ServerName);
        Assert.Equal("db1", HealthTrend.ServerName("db1", null));
    }

    [Fact]
    public void The_same_check_and_target_on_two_databases_are_two_findings()
    {
        var trend = HealthTrend.Compute(
            new[] { Run("r1", 0), Run("r2", 1) },
            new[] { Row("r1", "A", "t", "Warning", database: "one"), Row("r2", "A", "t", "Warning", database: "two"), Row("r2", "A", "x", "Pass", database: "one") });
        Assert.Equal(2, trend.Items.Count);
        Assert.Equal(HealthTrendChange.Resolved, trend.Items.Single(i => i.Database == "one").Change);
        Assert.Equal(HealthTrendChange.New, trend.Items.Single(i => i.Database == "two").Change);
    }
}
