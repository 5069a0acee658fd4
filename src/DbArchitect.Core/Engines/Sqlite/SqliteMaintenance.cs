using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.Sqlite.SqliteWriter;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// SQLite maintenance: there is no autovacuum daemon and no scheduler inside the engine, so the jobs are statements
/// cron (or the application) runs with sqlite3 against the file: PRAGMA optimize for statistics, incremental_vacuum
/// for free pages, WAL checkpoints, FTS5 merges, and integrity checks. Health is read from PRAGMAs, not views.
/// </summary>
internal sealed class SqliteMaintenance : IMaintenancePlanner
{
    public const string RelativePath = "maintenance/jobs.sql";

    public const string Purpose = "The maintenance jobs' statements (optimize, incremental vacuum, checkpoint, FTS5 merge, integrity checks); run each from cron with sqlite3 on its schedule.";

    /// <summary>Pages incremental_vacuum returns per run: 4 MB at 4 KB pages, short enough to run beside the application.</summary>
    internal const int VacuumPagesPerRun = 1000;

    private const string Area = DesignAreas.MonitoringAndMaintenance;

    public MaintenancePlan Plan(DbRequirement requirement, SchemaModel physical)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(physical);
        var writesPerDay = physical.Tables.Sum(t => t.RowsPerDay ?? 0);
        var jobs = new List<MaintenanceJob>
        {
            new("optimize", "15 * * * *", "PRAGMA optimize;", "sqlite3",
                "Hourly PRAGMA optimize runs ANALYZE only on tables whose row counts changed enough to mislead the planner (cheap when nothing changed); the application should also run it before closing long-lived connections."),
            new("wal-checkpoint", "*/10 * * * *", "PRAGMA wal_checkpoint(TRUNCATE);", "sqlite3",
                $"Automatic checkpoints are PASSIVE and cannot finish while readers hold old snapshots; a TRUNCATE checkpoint every 10 minutes bounds the WAL file ({writesPerDay.ToString("N0", CultureInfo.InvariantCulture)} rows written per day)."),
            new("incremental-vacuum", "30 3 * * *", $"PRAGMA incremental_vacuum({VacuumPagesPerRun});", "sqlite3",
                $"auto_vacuum = INCREMENTAL keeps freed pages on a free list; returning {VacuumPagesPerRun} pages (≈4 MB) nightly shrinks the file without the full rewrite and exclusive lock of VACUUM."),
            new("quick-check", "0 4 * * 1-6", "PRAGMA quick_check;", "sqlite3",
                "Daily structural check of every page (skips index-to-table comparison): finds storage corruption early, while backups still hold a good copy."),
            new("integrity-check", "0 4 * * 0", "PRAGMA integrity_check; PRAGMA foreign_key_check;", "sqlite3",
                "Weekly full check: b-tree structure, index entries against rows, CHECK and NOT NULL constraints, and rows whose foreign keys point nowhere (possible when a connection ran without PRAGMA foreign_keys = ON)."),
        };
        var search = SqliteSearchDdl.For(physical);
        if (search.Count > 0)
        {
            jobs.Add(new("fts-optimize", "45 3 * * 0",
                string.Join(" ", search.Select(s => $"INSERT INTO {W.Id(s.Name)} ({W.Id(s.Name)}) VALUES ('optimize');")), "sqlite3",
                $"Merges the FTS5 index segments of {string.Join(", ", search.Select(s => s.Name))} weekly: every write adds a segment, and queries read all of them."));
        }

        var decisions = new List<DesignDecision>
        {
            new(Area, "Scheduler", "cron (or the application's own scheduler) runs maintenance/jobs.sql statements with sqlite3",
                "SQLite is a library, not a server: nothing runs unless a process does. WAL mode lets every job run beside the application."),
            new(Area, "Statistics", "PRAGMA optimize hourly and on closing long-lived connections",
                "The planner reads sqlite_stat1; optimize refreshes it only where needed, so it is safe to run often. ANALYZE after a bulk load."),
            new(Area, "Space", $"auto_vacuum = INCREMENTAL with a nightly incremental_vacuum({VacuumPagesPerRun}); VACUUM only after a large purge",
                "VACUUM rewrites the whole file under an exclusive lock and needs twice its size on disk; incremental vacuum returns free pages in small steps. After any VACUUM, rebuild the FTS5 tables ('rebuild'), because VACUUM may renumber rowids of tables without an INTEGER PRIMARY KEY."),
            new(Area, "Health checks", "quick_check daily, integrity_check and foreign_key_check weekly",
                "Corruption found while the backups still hold a good copy is a restore; found later, it is data loss."),
        };
        return new MaintenancePlan(Array.Empty<MonitoringView>(), jobs, decisions)
        {
            FilesNote = "maintenance/jobs.sql lists each job's statements; cron runs them with sqlite3 against the database file on the schedules above (WAL lets them run beside the application). Health is read from PRAGMAs (page_count, freelist_count, wal_checkpoint) rather than views:",
        };
    }

    public static void WriteFile(W writer, DbDesign design)
    {
        foreach (var job in design.Maintenance.Jobs)
        {
            writer.BlankLine();
            writer.Comment($"{job.Name} ({job.Schedule}): {job.Reason}");
            writer.Line(job.Command);
        }

        writer.BlankLine();
        writer.Comment("Health: free pages not yet returned, total pages, and the WAL state (busy, log frames, checkpointed frames).");
        writer.Statement("PRAGMA freelist_count");
        writer.Statement("PRAGMA page_count");
    }
}
