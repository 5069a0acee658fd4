using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>
/// Oracle maintenance for a design: the automatic optimizer statistics task already gathers stale statistics nightly,
/// so jobs are added only where it is not enough (tables growing fast enough to go stale within a day), a weekly
/// Segment Advisor run whose findings are reclaimed with SHRINK SPACE, and audit-log purging by retention. Jobs run in
/// DBMS_SCHEDULER inside the database, so they follow it through failovers.
/// </summary>
internal sealed class OracleMaintenance : IMaintenancePlanner
{
    private const string Area = DesignAreas.MonitoringAndMaintenance;

    /// <summary>Rows a day from which a table's statistics are gathered by its own job: 10% staleness within a day.</summary>
    internal const double StaleFraction = 0.10;

    public MaintenancePlan Plan(DbRequirement requirement, SchemaModel physical)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(physical);
        var schema = OracleIdentifiers.DictionaryName(physical.Schema);
        var jobs = new List<MaintenanceJob>();
        var decisions = new List<DesignDecision>
        {
            new(Area, "Optimizer statistics", "Automatic statistics task (AutoTask) stays enabled",
                "Oracle gathers statistics of every table whose rows changed more than 10% (STALE_PERCENT) in the nightly maintenance window; DBMS_AUTO_TASK_ADMIN must not disable 'auto optimizer stats collection'."),
        };
        foreach (var table in physical.Tables.Where(t => (t.RowsPerDay ?? 0) > 0 && (t.EstimatedRows ?? 0) > 0
                     && (double)t.RowsPerDay!.Value / Math.Max(1, t.EstimatedRows!.Value) >= StaleFraction / 4))
        {
            var name = OracleIdentifiers.DictionaryName(table.Name);
            jobs.Add(new MaintenanceJob($"stats_{table.Name}", "30 */6 * * *",
                $"DBMS_STATS.GATHER_TABLE_STATS('{schema}', '{name.Replace("'", "''", StringComparison.Ordinal)}', cascade => TRUE)", "DBMS_SCHEDULER",
                $"{table.Name} grows by {Capacity.Count(table.RowsPerDay!.Value)} rows/day on {Capacity.Count(table.EstimatedRows!.Value)}: its newest values (dates, keys) fall outside the histogram long before the nightly task sees 10% change, and range predicates on them get estimated at one row."));
        }

        jobs.Add(new MaintenanceJob("segment_advisor", "0 3 * * 6", $"DBMS_ADVISOR segment advice for schema {schema}, then ALTER TABLE … SHRINK SPACE CASCADE on tables with reclaimable space", "DBMS_SCHEDULER",
            "Deletes (soft-delete purges, retention) leave free space below the high-water mark that full scans still read; the Segment Advisor finds it and SHRINK SPACE (ASSM tablespaces, ENABLE ROW MOVEMENT) gives it back online."));
        if (physical.Tables.FirstOrDefault(t => t.Kind == TableKind.Audit) is { } audit && requirement.Workload.Retention is { } retention)
        {
            var changedAt = audit.Columns.FirstOrDefault(c => c.Role == ColumnRole.Audit && c.Type.Kind == LogicalTypeKind.Timestamp);
            if (changedAt is not null)
            {
                jobs.Add(new MaintenanceJob("purge_audit", "0 4 * * *",
                    $"DELETE FROM {OracleWriter.Qualified(physical.Schema, audit.Name)} WHERE {OracleWriter.Id(changedAt.Name)} < SYSTIMESTAMP - NUMTODSINTERVAL({Math.Ceiling(retention.Days).ToString(CultureInfo.InvariantCulture)}, 'DAY')",
                    "DBMS_SCHEDULER", $"The audit log keeps the {retention} retention; daily deletes stay small (partition by month instead once it passes tens of millions of rows)."));
            }
        }

        decisions.Add(new(Area, "Scheduler", "DBMS_SCHEDULER jobs in maintenance/jobs.sql",
            "Jobs live in the database (no cron host to forget), log every run in USER_SCHEDULER_JOB_RUN_DETAILS and move with the database to a standby on failover."));
        decisions.Add(new(Area, "Monitoring", "AWR/ASH reports and the queries in monitoring/health.sql",
            "Top SQL by elapsed time (V$SQLSTATS), sessions waiting (V$SESSION), tablespace use (DBA_TABLESPACE_USAGE_METRICS) and unusable indexes; AWR and ASH need the Diagnostics Pack, Statspack is the free alternative."));
        decisions.Add(new(Area, "Index changes", "New indexes created INVISIBLE first",
            "CREATE INDEX … INVISIBLE ONLINE builds it without the optimizer using it; test with ALTER SESSION SET optimizer_use_invisible_indexes = TRUE, then ALTER INDEX … VISIBLE; an index to drop is made invisible for a week first, so undoing it is instant."));
        return new MaintenancePlan(Array.Empty<MonitoringView>(), jobs, decisions);
    }
}
