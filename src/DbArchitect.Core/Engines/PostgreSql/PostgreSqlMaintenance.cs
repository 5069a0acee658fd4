using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// PostgreSQL's monitoring and maintenance plan: health views, pg_stat_statements, per-table autovacuum settings, and
/// scheduled jobs — VACUUM (ANALYZE) of high-write tables at a frequency derived from their write rate, rebuilds of
/// bloated or invalid indexes, and (when tables are partitioned) partition maintenance. The SQL is written by
/// <see cref="PostgreSqlMonitoringSql"/> and <see cref="PostgreSqlMaintenanceSql"/>.
/// </summary>
internal sealed class PostgreSqlMaintenance : IMaintenancePlanner
{
    private const string Area = DesignAreas.MonitoringAndMaintenance;

    /// <summary>Tables written at least this often get their own VACUUM (ANALYZE) job.</summary>
    internal const long HighWriteRowsPerDay = 10_000;

    internal const double DeadRatioAlert = 0.2;
    internal const long DeadRowsAlert = 1_000;
    internal const int ConnectionsAlertPercent = 80;
    internal const int IdleInTransactionAlertSeconds = 300;
    internal const int LongQueryAlertSeconds = 60;
    internal const long XidAgeAlert = 1_000_000_000;
    internal const int ReplicationLagAlertSeconds = 30;
    /// <summary>
    /// Estimated bloat from which an index is rebuilt: twice its compact size. Measured on PostgreSQL 15: B-trees
    /// filled by 20,000 random inserts estimate 0.24 (uuid key) and 0.43 (lower(email)), and settle there again after
    /// a rebuild, so a lower threshold would rebuild healthy indexes every week.
    /// </summary>
    internal const double ReindexBloatRatio = 0.5;
    internal const long ReindexMinBytes = 10L * 1024 * 1024;
    internal const string ReindexSchedule = "30 3 * * 0";

    /// <summary>The one job that runs in the scheduler's own database (pg_cron's run history lives there).</summary>
    internal const string CronHistoryJob = "purge cron history";

    /// <summary>Schedules a job may get, in minutes, shortest first; each run then sees a bounded number of changed rows.</summary>
    private static readonly int[] Intervals = { 15, 30, 60, 120, 240, 360, 720, 1440 };

    public MaintenancePlan Plan(DbRequirement requirement, SchemaModel physical)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(physical);
        var schema = physical.Schema;
        var oltp = requirement.Application.Kind is ApplicationKind.Oltp or ApplicationKind.KeyValue;
        var views = new List<MonitoringView>
        {
            new(Qualified(schema, PostgreSqlMonitoringSql.DatabaseHealthView), "One row: connections against max_connections, active and idle-in-transaction sessions, longest query and transaction, database size, transaction-ID age, cache hit ratio, tables needing vacuum, replication lag, and the alerts that currently fire.", PostgreSqlMonitoringSql.HealthPath),
            new(Qualified(schema, PostgreSqlMonitoringSql.TableHealthView), "Per table: live and dead rows, dead ratio, rows changed since analyze, last (auto)vacuum and (auto)analyze, table and index size.", PostgreSqlMonitoringSql.HealthPath),
            new(Qualified(schema, PostgreSqlMonitoringSql.IndexHealthView), "Per index: size, scans, validity, estimated bloat (B-tree leaf size expected from row count and column widths), and the statement that rebuilds it.", PostgreSqlMonitoringSql.HealthPath),
            new(Qualified(schema, PostgreSqlMonitoringSql.TopStatementsView), "The 50 statements of this database with the most total execution time (pg_stat_statements), with calls, mean time, rows and cache hit ratio.", PostgreSqlMonitoringSql.StatementsPath),
        };

        var jobs = new List<MaintenanceJob>();
        var decisions = new List<DesignDecision>
        {
            new(Area, "Statement statistics", "pg_stat_statements (shared_preload_libraries), pg_stat_statements.track = top, track_io_timing = on; view " + Qualified(schema, PostgreSqlMonitoringSql.TopStatementsView),
                "Top statements by total time are where tuning starts; log_min_duration_statement = " +
                (requirement.Workload.LatencyMs is { } l ? $"{Math.Max(10, l * 2).ToString("0", CultureInfo.InvariantCulture)} ms (twice the p95 target of {l.ToString("0.##", CultureInfo.InvariantCulture)} ms)" : "250 ms (no latency target stated)") + " logs the outliers with their parameters."),
            new(Area, "Health view", Qualified(schema, PostgreSqlMonitoringSql.DatabaseHealthView) + " with an alerts column",
                $"Alert at {ConnectionsAlertPercent}% of max_connections, sessions idle in transaction over {IdleInTransactionAlertSeconds / 60} minutes (they hold locks and stop vacuum), queries over {LongQueryAlertSeconds} s, transaction-ID age over {Capacity.Count(XidAgeAlert)} (half-way to wraparound), cache hit ratio under {(oltp ? "99" : "90")}% ({(oltp ? "an OLTP working set should be in memory" : "scans of large ranges read from disk by design")}), tables with over {DeadRatioAlert * 100:0}% dead rows, and replication lag over {ReplicationLagAlertSeconds} s. A monitoring agent polls the view as the reporting role."),
        };

        var rank = 0;
        foreach (var table in physical.Tables.Where(t => (t.RowsPerDay ?? 0) >= HighWriteRowsPerDay).OrderByDescending(t => t.RowsPerDay).ThenBy(t => t.Name, StringComparer.Ordinal))
        {
            var job = VacuumJob(schema, table, rank++);
            jobs.Add(job);
            decisions.Add(new(Area, table.Name, $"VACUUM (ANALYZE) {Every(job.Schedule)} (pg_cron: {job.Schedule})", job.Reason));
        }

        decisions.Add(new(Area, "Autovacuum", "Server-wide and per-table thresholds scaled to the write rates (Performance tuning: config/alter_system.sql, config/table_autovacuum.sql)",
            "The jobs here add scheduled VACUUM (ANALYZE) where autovacuum's thresholds would start late; the thresholds themselves are configuration, kept in one place."));

        jobs.Add(new MaintenanceJob("rebuild bloated indexes", ReindexSchedule, "psql -d <database> -f " + PostgreSqlMaintenanceSql.ReindexPath, "psql (cron or systemd timer)",
            $"Rebuilds, with REINDEX INDEX CONCURRENTLY, every index that is invalid or estimated over {ReindexBloatRatio * 100:0}% bloated and {Capacity.Bytes(ReindexMinBytes)} in size, weekly at a quiet hour. REINDEX CONCURRENTLY must be a top-level statement: PostgreSQL refuses it inside a function, procedure or DO block (\"cannot be executed from a function\"), so pg_cron cannot run it dynamically; psql's \\gexec runs each generated statement at top level."));
        decisions.Add(new(Area, "Index rebuilds", $"Weekly ({ReindexSchedule}): psql -f {PostgreSqlMaintenanceSql.ReindexPath}, REINDEX INDEX CONCURRENTLY of invalid or >{ReindexBloatRatio * 100:0}% bloated indexes",
            "Only indexes at least twice their compact size are rebuilt, never the whole database: B-trees filled by random inserts settle at 20–45% by this estimate and would only bloat back; CONCURRENTLY keeps reads and writes running. Invalid leftovers of a failed concurrent build (_ccnew) are dropped instead."));

        var partitioned = PartitionedTables(physical);
        if (partitioned.Count > 0)
        {
            jobs.Add(new MaintenanceJob("partition maintenance", "5 * * * *", "CALL partman.run_maintenance_proc()", "pg_cron",
                $"Creates future partitions ahead of time and detaches expired ones for {string.Join(", ", partitioned)}, hourly so a new day's partition always exists before its first row."));
        }

        jobs.Add(new MaintenanceJob(CronHistoryJob, "0 4 * * *", $"DELETE FROM cron.job_run_details WHERE end_time < now() - interval '{PostgreSqlMaintenanceSql.CronHistoryDays} days'", "pg_cron",
            $"pg_cron records every run and never deletes them; {jobs.Count} jobs at these schedules would grow the table without bound. {PostgreSqlMaintenanceSql.CronHistoryDays} days is enough to investigate a failure."));
        decisions.Add(new(Area, "Job scheduler", $"pg_cron ({PostgreSqlMaintenanceSql.JobsPath}), jobs scheduled with cron.schedule_in_database from the cron.database_name database",
            "Jobs live in the database, are backed up with it and are visible in cron.job and cron.job_run_details; autovacuum still does routine work, the jobs add what autovacuum's thresholds would leave late. pg_cron connects to cron.host as the scheduling user, so that user needs a local authentication line (or cron.use_background_workers = on)."));

        return new MaintenancePlan(views, jobs, decisions)
        {
            // The scripts write reindex_bloated.sql with the views and jobs.sql with the jobs: say where each runs.
            FilesNote = views.Count > 0 && jobs.Count > 0
                ? "Apply after the build: the monitoring files in the design's database (as a superuser), "
                    + $"{PostgreSqlMaintenanceSql.JobsPath} in the pg_cron database with -v database=<design database>; {PostgreSqlMaintenanceSql.ReindexPath} runs weekly from cron or a systemd timer:"
                : null,
        };
    }

    /// <summary>
    /// Tables the physical model partitions. The model has no partitioned tables yet (partitioning is advised, not
    /// built); when it gains them, this returns them and the partition maintenance job follows.
    /// </summary>
    internal static IReadOnlyList<string> PartitionedTables(SchemaModel physical) =>
        physical.Tables.Where(_ => false).Select(t => t.Name).ToArray();


    /// <summary>
    /// A VACUUM (ANALYZE) job whose interval lets about 1% of the table (at least 10,000 rows) change between runs:
    /// statistics stay current for queries on recent rows, and each run has little to do.
    /// </summary>
    private static MaintenanceJob VacuumJob(string schema, Table table, int rank)
    {
        var perDay = table.RowsPerDay!.Value;
        var rows = table.EstimatedRows ?? 0;
        var between = Math.Max(10_000, rows / 100);
        var minutes = between / (perDay / 1440.0);
        var interval = Intervals.LastOrDefault(i => i <= minutes);
        if (interval == 0)
        {
            interval = Intervals[0];
        }

        var schedule = Schedule(interval, rank);
        var changed = (long)Math.Round(perDay / 1440.0 * interval);
        var reason = $"{Capacity.Count(perDay)} rows/day on {Capacity.Count(rows)} rows: about {Capacity.Count(changed)} rows change {Every(schedule)}" +
            $" (target {Capacity.Count(between)}, 1% of the table and at least 10,000). Autovacuum's defaults would wait for 10% ({Capacity.Count(Math.Max(rows / 10, 50))} rows) before analyzing" +
            (rows / 10 > 0 ? $", {Describe(rows / 10.0 / perDay)} at this rate," : string.Empty) +
            " leaving the planner without statistics for the newest rows; a regular VACUUM also keeps the visibility map current so index-only scans stay index-only." +
            (interval == Intervals[0] && minutes < Intervals[0] ? " 15 minutes is the shortest job interval; the per-table autovacuum settings carry the rest." : string.Empty);
        return new MaintenanceJob("vacuum analyze " + table.Name, schedule, $"VACUUM (ANALYZE) {Qualified(schema, table.Name)}", "pg_cron", reason);
    }

    /// <summary>A cron expression for the interval, offset by the job's rank so jobs do not all start at once.</summary>
    private static string Schedule(int minutes, int rank)
    {
        var offset = (rank * 7 % Math.Min(minutes, 60)).ToString(CultureInfo.InvariantCulture);
        return minutes switch
        {
            < 60 => $"{offset}-59/{minutes.ToString(CultureInfo.InvariantCulture)} * * * *",
            60 => $"{offset} * * * *",
            1440 => $"{offset} 2 * * *",
            _ => $"{offset} */{(minutes / 60).ToString(CultureInfo.InvariantCulture)} * * *",
        };
    }

    /// <summary>"every 15 minutes", "hourly", "every 6 hours", "daily" for the schedules <see cref="Schedule"/> makes.</summary>
    internal static string Every(string schedule)
    {
        var parts = schedule.Split(' ');
        if (parts[0].Contains('/', StringComparison.Ordinal))
        {
            return "every " + parts[0][(parts[0].IndexOf('/', StringComparison.Ordinal) + 1)..] + " minutes";
        }

        if (parts[1] == "*")
        {
            return "hourly";
        }

        return parts[1].StartsWith("*/", StringComparison.Ordinal) ? "every " + parts[1][2..] + " hours" : "daily";
    }

    private static string Describe(double days) => days >= 1
        ? $"{days.ToString("0.#", CultureInfo.InvariantCulture)} days"
        : $"{(days * 24).ToString("0.#", CultureInfo.InvariantCulture)} hours";

    private static string Qualified(string schema, string name) => PostgreSqlWriter.Qualified(schema, name);
}
