using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.SqlServer.SqlServerWriter;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// SQL Server Agent jobs: index maintenance by measured fragmentation (sys.dm_db_index_physical_stats: reorganize at
/// 5–30%, rebuild above 30%, only indexes of at least 1000 pages), statistics updates, and DBCC CHECKDB. The jobs
/// file creates the index-maintenance procedure and the Agent jobs with their schedules.
/// </summary>
internal sealed class SqlServerMaintenance : IMaintenancePlanner
{
    public const string JobsPath = "maintenance/agent_jobs.sql";

    public const string JobsPurpose = "The index-maintenance procedure and the SQL Server Agent jobs (index maintenance, statistics, DBCC CHECKDB) with their schedules.";

    public const string Runner = "SQL Server Agent";

    private const string Area = DesignAreas.MonitoringAndMaintenance;

    public static string ProcedureName(string schema) => SqlServerExpressions.DerivedName("usp", schema, "index_maintenance");

    public MaintenancePlan Plan(DbRequirement requirement, SchemaModel physical)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(physical);
        var procedure = W.Qualified(physical.Schema, ProcedureName(physical.Schema));
        var writes = physical.Tables.Sum(t => t.RowsPerDay ?? 0);
        var statisticsCron = writes > 1_000_000 ? "30 1 * * *" : "30 1 * * 0";
        var jobs = new List<MaintenanceJob>
        {
            new("index_maintenance", "0 2 * * 0", $"EXEC {procedure};", Runner,
                "Weekly in the quiet hours: REORGANIZE (online, interruptible) between 5% and 30% logical fragmentation, REBUILD above 30%, indexes under 1000 pages skipped (they fit in memory; fragmentation does not matter there). Thresholds from the SQL Server documentation's guidance."),
            new("update_statistics", statisticsCron, "EXEC sys.sp_updatestats;", Runner,
                writes > 1_000_000
                    ? $"Daily: about {InvariantText.Count(writes)} rows are written per day, and auto-update (about √(1000 × rows) changes on large tables) lags behind ascending keys; sp_updatestats refreshes only statistics whose rows changed."
                    : "Weekly: auto-update statistics handles most changes; sp_updatestats refreshes statistics whose rows changed since."),
            new("integrity_check", "0 3 * * 6", "DBCC CHECKDB WITH NO_INFOMSGS, ALL_ERRORMSGS;", Runner,
                "Weekly before the full backup: corruption found within a week is still inside the backup retention, so a clean backup exists to restore from."),
        };
        var decisions = jobs.Select(j => new DesignDecision(Area, j.Name, $"{j.Command} ({j.Schedule}, {Runner})", j.Reason)).ToList();
        decisions.Add(new DesignDecision(Area, "Monitoring", "Query Store, sys.dm_db_index_usage_stats, sys.dm_os_wait_stats",
            "Query Store (enabled by the configuration script) keeps plans and runtimes; index usage statistics show indexes that are written but never read; wait statistics show where time goes."));
        return new MaintenancePlan(Array.Empty<MonitoringView>(), jobs, decisions);
    }

    public static void WriteJobs(W writer, DbDesign design)
    {
        var schema = design.Physical.Schema;
        writer.BlankLine();
        writer.Raw(string.Join('\n', new[]
        {
            $"CREATE OR ALTER PROCEDURE {W.Qualified(schema, ProcedureName(schema))}",
            "    @reorganize_percent FLOAT = 5,",
            "    @rebuild_percent FLOAT = 30,",
            "    @min_pages INT = 1000",
            "AS",
            "BEGIN",
            "    SET NOCOUNT ON;",
            "    DECLARE @sql NVARCHAR(MAX);",
            "    DECLARE work CURSOR LOCAL FAST_FORWARD FOR",
            "        SELECT N'ALTER INDEX ' + QUOTENAME(i.name) + N' ON ' + QUOTENAME(s.name) + N'.' + QUOTENAME(o.name)",
            "             + CASE WHEN ps.avg_fragmentation_in_percent >= @rebuild_percent THEN N' REBUILD' ELSE N' REORGANIZE' END",
            "          FROM sys.dm_db_index_physical_stats(DB_ID(), NULL, NULL, NULL, 'LIMITED') AS ps",
            "         INNER JOIN sys.indexes AS i ON i.object_id = ps.object_id AND i.index_id = ps.index_id",
            "         INNER JOIN sys.objects AS o ON o.object_id = ps.object_id",
            "         INNER JOIN sys.schemas AS s ON s.schema_id = o.schema_id",
            "         WHERE ps.index_id > 0",
            "           AND ps.alloc_unit_type_desc = N'IN_ROW_DATA'",
            "           AND ps.page_count >= @min_pages",
            "           AND ps.avg_fragmentation_in_percent >= @reorganize_percent",
            $"           AND s.name = {W.String(schema)};",
            "    OPEN work;",
            "    FETCH NEXT FROM work INTO @sql;",
            "    WHILE @@FETCH_STATUS = 0",
            "    BEGIN",
            "        EXEC sys.sp_executesql @sql;",
            "        FETCH NEXT FROM work INTO @sql;",
            "    END;",
            "    CLOSE work;",
            "    DEALLOCATE work;",
            "END;",
        }));
        writer.Go();
        foreach (var job in design.Maintenance.Jobs)
        {
            writer.BlankLine();
            writer.Comment(job.Reason);
            var name = W.Argument($"{design.Physical.Schema} {job.Name}");
            var (frequency, interval, time) = Schedule(job.Schedule);
            writer.Statement("DECLARE @database SYSNAME = DB_NAME()");
            writer.Statement($"IF EXISTS (SELECT 1 FROM msdb.dbo.sysjobs WHERE name = {name}) EXEC msdb.dbo.sp_delete_job @job_name = {name}");
            writer.Statement($"EXEC msdb.dbo.sp_add_job @job_name = {name}, @description = {W.Argument(job.Reason)}");
            writer.Statement($"EXEC msdb.dbo.sp_add_jobstep @job_name = {name}, @step_name = {W.Argument(job.Name)}, @subsystem = N'TSQL', @database_name = @database, @command = {W.Argument(job.Command)}");
            writer.Statement($"EXEC msdb.dbo.sp_add_jobschedule @job_name = {name}, @name = {W.Argument(job.Schedule)}, @freq_type = {frequency}, @freq_interval = {interval}, @freq_recurrence_factor = 1, @active_start_time = {time}");
            writer.Statement($"EXEC msdb.dbo.sp_add_jobserver @job_name = {name}");
            writer.Go();
        }
    }

    /// <summary>A cron "m h * * dow" as Agent's frequency type (4 daily, 8 weekly), interval and HHMMSS start time.</summary>
    internal static (int Type, int Interval, int Time) Schedule(string cron)
    {
        var parts = cron.Split(' ');
        var minute = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        var hour = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var time = (hour * 10000) + (minute * 100);
        if (parts[4] == "*")
        {
            return (4, 1, time);
        }

        // Agent's weekly interval is a bit mask: Sunday 1, Monday 2, … Saturday 64.
        var mask = parts[4].Split(',').SelectMany(Days).Aggregate(0, (m, d) => m | (1 << d));
        return (8, mask, time);
    }

    private static IEnumerable<int> Days(string field)
    {
        var range = field.Split('-');
        var from = int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture) % 7;
        var to = range.Length > 1 ? int.Parse(range[1], System.Globalization.CultureInfo.InvariantCulture) % 7 : from;
        return Enumerable.Range(from, to - from + 1);
    }
}
