using DbArchitect.Core.Health;
using DbArchitect.Core.Live;
using DbArchitect.Core.Reporting;

namespace DbArchitect.Core.Tests.Health;

/// <summary>The runner on an in-memory SQLite session: failures stay rows, exclusions carry their reason.</summary>
public sealed class HealthRunnerTests : IDisposable
{
    private readonly LiveSession _session = LiveSession.Open(LiveTarget.FromEndpoint("sqlite", new LiveEndpoint(":memory:", null, null, null, null)));

    [Fact]
    public void A_check_whose_query_fails_becomes_an_Error_row_and_the_run_goes_on()
    {
        var context = new HealthCheckContext(_session, "main", new HealthRunOptions());
        var result = Assert.Single(HealthCheckRunner.RunOne(new BrokenCheck(), context));
        Assert.Equal(HealthStatus.Error, result.Status);
        Assert.Contains("could not run", result.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_table", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_that_finds_nothing_reports_one_Pass_row_for_the_database()
    {
        var context = new HealthCheckContext(_session, "main", new HealthRunOptions());
        var result = Assert.Single(HealthCheckRunner.RunOne(new FindsTables(), context));
        Assert.Equal(HealthStatus.Pass, result.Status);
        Assert.Equal("main", result.Target);
    }

    [Fact]
    public void Excluded_finding_becomes_Skipped_with_its_reason()
    {
        var options = new HealthRunOptions { Settings = new HealthSettings(Array.Empty<HealthThresholdOverride>(), new[] { new HealthExclusion("ALWAYS_*", null, "x*", "known and accepted") }) };
        var context = new HealthCheckContext(_session, "main", options);
        var result = Assert.Single(HealthCheckRunner.RunOne(new AlwaysFinds(), context));
        Assert.Equal(HealthStatus.Skipped, result.Status);
        Assert.StartsWith("Excluded (known and accepted): ", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_checks_are_skipped_without_Deep()
    {
        var context = new HealthCheckContext(_session, "main", new HealthRunOptions());
        var result = Assert.Single(HealthCheckRunner.RunOne(new DeepCheck(), context));
        Assert.Equal(HealthStatus.Skipped, result.Status);
        Assert.Contains("-Deep", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Whole_sqlite_run_has_a_row_for_every_check_and_maps_to_report_levels()
    {
        var results = HealthCheckRunner.Run(_session, new HealthRunOptions());
        Assert.Equal(HealthCheckCatalog.Ids("sqlite"), results.Select(r => r.CheckId).Distinct().Order(StringComparer.Ordinal).ToList());
        var report = new PipelineReport("DbArchitect.PS", "test", "Health", results, DateTimeOffset.UnixEpoch, TimeSpan.Zero);
        var xml = JUnitReportWriter.Write(report);
        Assert.Contains("DbArchitect.PS.Integrity.INTEGRITY_CHECK", xml, StringComparison.Ordinal);
    }

    public void Dispose() => _session.Dispose();

    private sealed class BrokenCheck : QueryHealthCheck
    {
        public override string Id => "BROKEN";
        public override string Title => "Broken";
        public override string Category => "Test";
        public override IReadOnlyList<string> Engines => new[] { "sqlite" };
        public override string Description => "A check whose query names a table that does not exist.";
        public override string Sql => "SELECT name AS target FROM no_such_table";
        protected override string Describe(LiveRow row, double? measured) => "x";
        protected override string Recommend(LiveRow row) => "x";
    }

    private sealed class FindsTables : QueryHealthCheck
    {
        public override string Id => "FINDS_TABLES";
        public override string Title => "Finds tables";
        public override string Category => "Test";
        public override IReadOnlyList<string> Engines => new[] { "sqlite" };
        public override string Description => "Reports every table (there are none in an empty database).";
        public override string Sql => "SELECT name AS target FROM sqlite_schema WHERE type = 'table'";
        protected override string Describe(LiveRow row, double? measured) => "x";
        protected override string Recommend(LiveRow row) => "x";
    }

    private sealed class AlwaysFinds : QueryHealthCheck
    {
        public override string Id => "ALWAYS_FINDS";
        public override string Title => "Always finds";
        public override string Category => "Test";
        public override IReadOnlyList<string> Engines => new[] { "sqlite" };
        public override string Description => "Reports one made-up object.";
        public override string Sql => "SELECT 'x1' AS target";
        protected override string Describe(LiveRow row, double? measured) => "found";
        protected override string Recommend(LiveRow row) => "x";
    }

    private sealed class DeepCheck : HealthCheck
    {
        public override string Id => "DEEP";
        public override string Title => "Deep";
        public override string Category => "Test";
        public override IReadOnlyList<string> Engines => new[] { "sqlite" };
        public override string Description => "Expensive.";
        public override bool Deep => true;
        public override IEnumerable<HealthCheckResult> Run(HealthCheckContext context) => throw new InvalidOperationException("must not run");
    }
}
