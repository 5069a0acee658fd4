using DbArchitect.Core.Health;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>
/// PERFORMANCE_SCHEMA_OFF: one row that says which checks could not run because performance_schema is off (MariaDB's
/// default), and how to switch it on, rather than leaving a DBA to read the Skipped rows one by one.
/// </summary>
internal sealed class MySqlPerformanceSchemaOff : HealthCheck
{
    public override string Id => "PERFORMANCE_SCHEMA_OFF";

    public override string Title => "performance_schema is off";

    public override string Category => "Performance";

    public override IReadOnlyList<string> Engines => MySqlHealth.Engines;

    public override string Description => "When @@performance_schema is OFF, one Info row lists the checks that need it and could not run (index usage since start, FULLTEXT searches from the statement digests) and how to enable it. It cannot be switched on at runtime: it needs performance_schema = ON in the server's option file and a restart, and costs some memory (about 100–400 MB with the default sizing) and a few % CPU.";

    public override string Sql => "SELECT @@performance_schema AS performance_schema";

    public override IEnumerable<HealthCheckResult> Run(HealthCheckContext context)
    {
        if (MySqlHealth.PerformanceSchemaOn(context))
        {
            return new[] { context.Pass(this, "performance_schema is on.") };
        }

        var blind = HealthCheckCatalog.For(context.Engine).OfType<MySqlHealthCheck>().Where(c => c.NeedsPerformanceSchema).Select(c => c.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new[]
        {
            context.Finding(this, HealthStatus.Info, "performance_schema",
                $"performance_schema is off, so {blind.Count} check(s) could not run: {string.Join(", ", blind)}.",
                "Add performance_schema = ON under [mysqld] (or [mariadb]) in the server's option file and restart at a planned time; it cannot be switched on at runtime.") with
            {
                Evidence = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["checks_not_run"] = string.Join(", ", blind) },
            },
        };
    }
}
