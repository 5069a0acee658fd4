using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.SqlServer.SqlServerWriter;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// SQL Server backups from the recovery objectives: the full recovery model with a full + differential + log backup
/// chain (BACKUP … WITH COMPRESSION, CHECKSUM), log backups as often as the RPO needs, and the restore sequence
/// (full and last differential WITH NORECOVERY, then the logs, the last one WITH STOPAT) timed against the RTO.
/// </summary>
internal sealed class SqlServerBackup : IBackupPlanner
{
    public const string BackupPath = "backup/backup.sql";
    public const string BackupPurpose = "Full, differential and log backups (WITH COMPRESSION, CHECKSUM) as run by the Agent schedule.";
    public const string RestorePath = "backup/restore.sql";
    public const string RestorePurpose = "Point-in-time restore: full and differential WITH NORECOVERY, logs in order, the last WITH STOPAT, then RECOVERY.";

    // Assumed throughputs, stated in every reason that uses them.
    internal const double BackupMBps = 150;      // compressed backup to local disk / SMB, one stream
    internal const double RestoreMBps = 150;     // restore of a compressed backup, instant file initialization on
    internal const double LogRestoreMBps = 40;   // redo of log backups
    internal const double StartupMinutes = 5;
    internal const double CompressedFraction = 0.3;

    private const string Area = DesignAreas.BackupAndRecovery;
    private static readonly int[] LogIntervals = { 60, 30, 20, 15, 10, 5, 4, 3, 2, 1 };

    public BackupPlan Plan(DbRequirement requirement, SchemaModel physical, CapacityForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(physical);
        ArgumentNullException.ThrowIfNull(forecast);
        var operations = requirement.Operations;
        var rpo = operations.RpoMinutes ?? 15;
        var rto = operations.RtoMinutes ?? 240;
        var window = operations.BackupWindow ?? new BackupWindow(60, 300);
        var objectives = new RecoveryObjectives(rpo, operations.RpoMinutes is not null, rto, operations.RtoMinutes is not null,
            window.StartMinute, window.DurationMinutes, window.ToString(), operations.BackupWindow is not null);
        var perDay = physical.Tables.ToDictionary(t => t.Name, t => t.RowsPerDay, StringComparer.Ordinal);
        var size = BackupSizing.Project(requirement, forecast.Tables, t => perDay.GetValueOrDefault(t));

        // The loss is the interval plus about a minute to copy the file off the server: the widest interval within the RPO.
        var logEvery = LogIntervals.First(m => m + 1 <= rpo || m == 1);
        var totalMb = size.TotalBytes / 1048576.0;
        var logMbPerDay = size.LogBytesPerDay / 1048576.0;
        var fullMinutes = totalMb / BackupMBps / 60;
        var restoreFull = totalMb / RestoreMBps / 60;

        // Weekly full + daily differentials while the restore (full + a week's differential + a day's logs) fits the RTO.
        var weeklyDiff = Math.Min(totalMb, 7 * logMbPerDay / 2) / RestoreMBps / 60;
        var dayOfLogs = logMbPerDay / LogRestoreMBps / 60;
        var weeklyTotal = StartupMinutes + restoreFull + weeklyDiff + dayOfLogs;
        var dailyFull = weeklyTotal > rto;
        var restoreTotal = dailyFull ? StartupMinutes + restoreFull + dayOfLogs : weeklyTotal;

        var h = window.StartMinute / 60;
        var m = window.StartMinute % 60;
        var fullCron = $"{m} {h} * * {(dailyFull ? "*" : "0")}";
        var diffCron = dailyFull ? string.Empty : $"{m} {h} * * 1-6";
        var logCron = logEvery == 60 ? "0 * * * *" : $"*/{logEvery} * * * *";
        var name = new string(physical.Schema.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        var repository = (long)(CompressedFraction * ((2 * size.TotalBytes) + (7 * size.WriteBytesPerDay) + (14 * size.LogBytesPerDay)));

        var estimates = new List<RecoveryEstimate>
        {
            new("Data lost on a server loss (log backups)", logEvery + 1, rpo, $"log backup every {logEvery} min + ≈1 min to copy it off the server"),
            new("Restore (full, differential, logs to STOPAT)", restoreTotal, rto,
                $"{Minutes(StartupMinutes)} start-up + {Capacity.Bytes(size.TotalBytes)} at {BackupMBps:0} MB/s = {Minutes(restoreFull)}"
                + (dailyFull ? string.Empty : $" + the last differential (≤ {Minutes(weeklyDiff)})") + $" + up to a day of log ({Capacity.Bytes(size.LogBytesPerDay)}) at {LogRestoreMBps:0} MB/s = {Minutes(dayOfLogs)}"),
            new("Full backup", fullMinutes, window.DurationMinutes, $"{Capacity.Bytes(size.TotalBytes)} at {BackupMBps:0} MB/s (compressed) = {Minutes(fullMinutes)} in a {Minutes(window.DurationMinutes)} window"),
        };
        var schedule = new List<BackupJob>
        {
            new("full", fullCron, "BACKUP DATABASE … TO DISK = … WITH COMPRESSION, CHECKSUM, INIT", dailyFull ? "Daily: a weekly full plus a week of differentials would not restore within the RTO." : "Weekly at the window's start."),
            new("log", logCron, "BACKUP LOG … TO DISK = … WITH COMPRESSION, CHECKSUM", $"Every {logEvery} min: the RPO is {Minutes(rpo)}, and a log backup also lets the log truncate, so the log file stays small."),
            new("verify", $"{m} {(h + 4) % 24} * * 0", "RESTORE VERIFYONLY … WITH CHECKSUM; weekly restore drill to a scratch server", "A backup is only proven by restoring it."),
        };
        if (!dailyFull)
        {
            schedule.Insert(1, new("differential", diffCron, "BACKUP DATABASE … WITH DIFFERENTIAL, COMPRESSION, CHECKSUM", "Daily except the full's day: a restore needs the full, the last differential and the logs after it."));
        }

        var decisions = new List<DesignDecision>
        {
            new(Area, "Recovery objectives", $"RPO {Minutes(rpo)}, RTO {Minutes(rto)}, window {window} UTC",
                operations.IsStated ? "Stated in the requirements (operations:)." : "Assumed (operations: states none); state them to size the plan to the business."),
            new(Area, "Recovery model", "FULL", "Point-in-time restore needs the full recovery model and an unbroken log backup chain; SIMPLE would lose everything since the last full or differential."),
            new(Area, "Backup chain", dailyFull ? $"daily full, log every {logEvery} min" : $"weekly full, daily differential, log every {logEvery} min",
                $"Restore estimate {Minutes(restoreTotal)} against an RTO of {Minutes(rto)}; log backups every {logEvery} min keep the loss under the RPO of {Minutes(rpo)}."),
            new(Area, "Options", "WITH COMPRESSION, CHECKSUM", "Compression cuts backup size and time about 3×; CHECKSUM verifies every page as it is read, so corruption fails the backup instead of entering it."),
            new(Area, "Repository", $"≈{Capacity.Bytes(repository)}", "Two fulls, a week of differentials and two weeks of logs, compressed to about 30%; copy every file off the server (another site or object storage)."),
        };
        if (rpo < 2)
        {
            decisions.Add(new DesignDecision(Area, "High availability", "Always On availability group, synchronous commit",
                $"An RPO of {Minutes(rpo)} is below what log backups can give; a synchronous secondary loses no committed transaction."));
        }

        return new BackupPlan(objectives, size,
            new LogicalBackup(false, "bacpac (SqlPackage) on demand", 1, 1, 0, 0, string.Empty),
            new PhysicalBackup(true, fullCron, diffCron, logCron, 0, 2, 6, 1, 1, "BACKUP COMPRESSION", 0, repository),
            new LogArchiving(logEvery * 60, rpo < 2), schedule, estimates, decisions)
        {
            Name = name.Length == 0 ? "database" : name,
        };
    }

    public static void WriteBackup(W writer, DbDesign design, BackupPlan plan)
    {
        var folder = W.String(@"B:\backup\" + plan.Name + @"\");
        foreach (var (kind, statement) in new[]
        {
            ("full", "BACKUP DATABASE @database TO DISK = @file WITH COMPRESSION, CHECKSUM, INIT, STATS = 10"),
            ("diff", "BACKUP DATABASE @database TO DISK = @file WITH DIFFERENTIAL, COMPRESSION, CHECKSUM, INIT"),
            ("log", "BACKUP LOG @database TO DISK = @file WITH COMPRESSION, CHECKSUM, INIT"),
        })
        {
            if (kind == "diff" && string.IsNullOrEmpty(plan.Physical.DifferentialCron))
            {
                continue;
            }

            writer.BlankLine();
            writer.Comment($"{kind} backup (Agent job step); one file per run, named by UTC time.");
            writer.Statement("DECLARE @database SYSNAME = DB_NAME()");
            writer.Statement($"DECLARE @file NVARCHAR(400) = {folder} + @database + N'_{kind}_' + FORMAT(SYSUTCDATETIME(), N'yyyyMMdd_HHmmss') + N'.{(kind == "log" ? "trn" : "bak")}'");
            writer.Statement(statement);
            writer.Statement("RESTORE VERIFYONLY FROM DISK = @file WITH CHECKSUM");
            writer.Go();
        }
    }

    public static void WriteRestore(W writer, DbDesign design, BackupPlan plan)
    {
        writer.BlankLine();
        writer.Comment("Replace the file names with the chain to restore: the last full, the last differential after it, then every log backup after that, in order.");
        writer.Statement($"DECLARE @database SYSNAME = {W.String(plan.Name)}");
        writer.Statement($"DECLARE @full NVARCHAR(400) = {W.String(@"B:\backup\" + plan.Name + @"\full.bak")}");
        writer.Statement($"DECLARE @diff NVARCHAR(400) = {W.String(@"B:\backup\" + plan.Name + @"\diff.bak")}");
        writer.Statement($"DECLARE @log1 NVARCHAR(400) = {W.String(@"B:\backup\" + plan.Name + @"\log1.trn")}");
        writer.Statement($"DECLARE @log2 NVARCHAR(400) = {W.String(@"B:\backup\" + plan.Name + @"\log2.trn")}");
        writer.Statement("DECLARE @stop_at DATETIME2(0) = N'2000-01-01T00:00:00'");
        writer.Comment("1. Save the tail of the log if the database is still there (no committed transaction is lost).");
        writer.Statement($"BACKUP LOG @database TO DISK = {W.String(@"B:\backup\" + plan.Name + @"\tail.trn")} WITH NORECOVERY, NO_TRUNCATE, CHECKSUM");
        writer.Comment("2. Full and differential, leaving the database restoring.");
        writer.Statement("RESTORE DATABASE @database FROM DISK = @full WITH NORECOVERY, REPLACE, CHECKSUM, STATS = 10");
        if (!string.IsNullOrEmpty(plan.Physical.DifferentialCron))
        {
            writer.Statement("RESTORE DATABASE @database FROM DISK = @diff WITH NORECOVERY, CHECKSUM");
        }

        writer.Comment("3. Every log backup in order; the one containing the target time stops there.");
        writer.Statement("RESTORE LOG @database FROM DISK = @log1 WITH NORECOVERY, STOPAT = @stop_at");
        writer.Statement("RESTORE LOG @database FROM DISK = @log2 WITH NORECOVERY, STOPAT = @stop_at");
        writer.Comment("4. Bring the database online, then check it.");
        writer.Statement("RESTORE DATABASE @database WITH RECOVERY");
        writer.Go();
        writer.Statement("DBCC CHECKDB WITH NO_INFOMSGS, ALL_ERRORMSGS");
        writer.Go();
    }

    private static string Minutes(double minutes) => minutes switch
    {
        < 1 => "< 1 min",
        < 120 => minutes.ToString("0", CultureInfo.InvariantCulture) + " min",
        _ => (minutes / 60).ToString("0.#", CultureInfo.InvariantCulture) + " h",
    };
}
