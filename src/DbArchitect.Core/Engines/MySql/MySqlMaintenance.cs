using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.MySql.MySqlWriter;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// Event scheduler jobs: nightly ANALYZE TABLE (fresh index statistics for the optimizer) and a weekly OPTIMIZE TABLE
/// for tables with deletes (soft-deleted or high-churn tables fragment; OPTIMIZE rebuilds InnoDB tables online),
/// plus the Engine-neutral decisions that explain them.
/// </summary>
public sealed class MySqlMaintenance : IMaintenancePlanner
{
    public const string JobsPath = "maintenance/events.sql";

    private readonly MySqlDialect _dialect;

    public MySqlMaintenance(MySqlDialect dialect) => _dialect = dialect;

    public MaintenancePlan Plan(DbRequirement requirement, SchemaModel physical)
    {
        ArgumentNullException.ThrowIfNull(physical);
        var tables = physical.Tables.Select(t => W.Id(t.Name)).ToList();
        var churn = physical.Tables.Where(t => t.Features.SoftDelete || (t.RowsPerDay ?? 0) > 100_000).Select(t => W.Id(t.Name)).ToList();
        var jobs = new List<MaintenanceJob>
        {
            new("analyze_tables", "30 2 * * *", "ANALYZE TABLE " + W.List(tables), "event_scheduler",
                $"Nightly: InnoDB samples statistics automatically after 10% of a table changes; a nightly ANALYZE keeps the {tables.Count} tables' estimates current for the optimizer."),
        };
        if (churn.Count > 0)
        {
            jobs.Add(new("optimize_fragmented", "0 3 * * 0", "OPTIMIZE TABLE " + W.List(churn), "event_scheduler",
                "Weekly: tables with deletes or over 100,000 rows a day leave half-empty pages; OPTIMIZE TABLE rebuilds them online (ALTER TABLE … FORCE) and returns the space."));
        }

        var decisions = new List<DesignDecision>
        {
            new(DesignAreas.MonitoringAndMaintenance, "Scheduler", "event_scheduler",
                $"{_dialect.Product}'s built-in event scheduler runs the jobs inside the server (event_scheduler = ON in the option file): no cron host needed."),
            new(DesignAreas.MonitoringAndMaintenance, "Monitoring", "performance_schema and sys",
                "sys.statement_analysis, sys.schema_unused_indexes and sys.innodb_lock_waits answer the slow-query, unused-index and lock questions; the slow query log records statements above long_query_time."),
        };
        return new MaintenancePlan(Array.Empty<MonitoringView>(), jobs, decisions);
    }
}
