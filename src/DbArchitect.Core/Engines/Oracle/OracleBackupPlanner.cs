using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>
/// Oracle backups from the recovery objectives: ARCHIVELOG mode (point-in-time recovery needs every redo log archived),
/// RMAN incremental level 0 weekly and level 1 daily with block change tracking (a level 1 reads only changed blocks),
/// archived redo backed up every few hours, a retention policy of a recovery window derived from the objectives, and
/// Data Pump exports for portable and table-level restores. The arithmetic shows whether the RTO and RPO are met.
/// </summary>
internal sealed class OracleBackupPlanner : IBackupPlanner
{
    internal const double RmanMBpsPerChannel = 150;
    internal const double RedoApplyMBps = 40;
    internal const double StartupMinutes = 10;
    internal const double DataPumpMBpsPerWorker = 50;
    internal const double CompressedFraction = 0.4;
    internal const double DefaultRpoMinutes = 15;
    internal const double DefaultRtoMinutes = 240;
    internal const int DefaultWindowStart = 60;
    internal const int DefaultWindowMinutes = 240;
    private const string Area = DesignAreas.BackupAndRecovery;

    public BackupPlan Plan(DbRequirement requirement, SchemaModel physical, CapacityForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(physical);
        ArgumentNullException.ThrowIfNull(forecast);
        var ops = requirement.Operations;
        var window = ops.BackupWindow;
        var objectives = new RecoveryObjectives(
            ops.RpoMinutes ?? DefaultRpoMinutes, ops.RpoMinutes is not null,
            ops.RtoMinutes ?? DefaultRtoMinutes, ops.RtoMinutes is not null,
            window?.StartMinute ?? DefaultWindowStart, window?.DurationMinutes ?? DefaultWindowMinutes,
            window?.ToString() ?? new BackupWindow(DefaultWindowStart, DefaultWindowStart + DefaultWindowMinutes).ToString(), window is not null);
        var perDay = physical.Tables.ToDictionary(t => t.Name, t => t.RowsPerDay, StringComparer.Ordinal);
        var size = BackupSizing.Project(requirement, forecast.Tables, t => perDay.GetValueOrDefault(t));
        var cpus = requirement.Hardware.Cpus ?? 4;
        var channels = Math.Clamp(cpus / 4, 1, 8);
        var restoreChannels = Math.Clamp(cpus / 2, 1, 16);
        var decisions = new List<DesignDecision>();
        var estimates = new List<RecoveryEstimate>();

        // Redo: a log switch at least every RPO/2 (ARCHIVE_LAG_TARGET) bounds what an archived-log-only recovery loses.
        var lag = (int)Math.Clamp(Math.Floor(objectives.RpoMinutes * 60 / 2), 60, 7200);
        var dataGuard = objectives.RpoMinutes < 2;
        var loss = lag / 60.0 + 1;
        estimates.Add(new RecoveryEstimate("Data lost on a server loss (archived redo)", loss, objectives.RpoMinutes,
            $"ARCHIVE_LAG_TARGET {lag} s + ≈1 min to copy the archived log off the server = {M(loss)}"));

        var restoreMinutes = Mb(size.TotalBytes) / (RmanMBpsPerChannel * restoreChannels) / 60;
        var redoPerHour = Mb(size.LogBytesPerDay) / 24;
        var applyMinutes = redoPerHour * 24 / RedoApplyMBps / 60; // worst case: a day of redo since the last level 1
        var total = StartupMinutes + restoreMinutes + applyMinutes;
        estimates.Add(new RecoveryEstimate("RMAN restore (level 0 + level 1) and recover", total, objectives.RtoMinutes,
            $"{M(StartupMinutes)} start-up + {Capacity.Bytes(size.TotalBytes)} at {RmanMBpsPerChannel:0} MB/s × {restoreChannels} channels = {M(restoreMinutes)} + up to 24 h of redo ({Capacity.Bytes(redoPerHour * 24 * 1024 * 1024)}) applied at {RedoApplyMBps:0} MB/s = {M(applyMinutes)}; total {M(total)}"));
        var level0 = Mb(size.TotalBytes) / (RmanMBpsPerChannel * channels) / 60;
        estimates.Add(new RecoveryEstimate("Level 0 backup", level0, objectives.WindowMinutes,
            $"{Capacity.Bytes(size.TotalBytes)} at {RmanMBpsPerChannel:0} MB/s × {channels} channels = {M(level0)} in a {M(objectives.WindowMinutes)} window"));
        var workers = Math.Clamp(cpus / 2, 1, 8);
        var export = Mb(size.DataBytes) / (DataPumpMBpsPerWorker * workers) / 60;
        estimates.Add(new RecoveryEstimate("Data Pump export (expdp PARALLEL)", export, objectives.WindowMinutes / 2.0,
            $"{Capacity.Bytes(size.DataBytes)} of table data at {DataPumpMBpsPerWorker:0} MB/s × {workers} workers = {M(export)}"));

        var recoveryDays = Math.Max(7, (int)Math.Ceiling(objectives.RtoMinutes / 1440.0) + 7);
        var start = objectives.WindowStartMinute;
        string Cron(int minute, string days) => $"{(minute % 60).ToString(CultureInfo.InvariantCulture)} {(minute / 60 % 24).ToString(CultureInfo.InvariantCulture)} * * {days}";
        var archiveHours = objectives.RpoMinutes <= 60 ? 1 : 4;
        var schedule = new List<BackupJob>
        {
            new("rman level 0", Cron(start, "0"), "rman target / @backup/rman_level0.rman",
                "Weekly full (incremental level 0) on Sunday in the backup window; the base every level 1 builds on."),
            new("rman level 1", Cron(start, "1-6"), "rman target / @backup/rman_level1.rman",
                "Daily differential level 1: with block change tracking it reads only the changed blocks, so it is short even on a large database."),
            new("rman archivelog", $"15 */{archiveHours.ToString(CultureInfo.InvariantCulture)} * * *", "rman target / @backup/rman_archivelog.rman",
                $"Archived redo copied to the backup destination every {archiveHours} h and deleted locally once backed up twice, so the archive destination never fills."),
            new("data pump export", Cron(start + objectives.WindowMinutes / 2, "*"), $"expdp \"/ as sysdba\" PARFILE=backup/expdp.par",
                $"Daily logical export of the schema: table-level restores and moves to other versions; {workers} workers."),
        };
        decisions.Add(new(Area, "Method", "RMAN incremental backups in ARCHIVELOG mode (primary); Data Pump exports (secondary)",
            "RMAN backs up blocks with checksums, restores in parallel channels and recovers to any point with the archived redo; Data Pump is portable but restores rows and rebuilds indexes, far slower than the RTO allows for large schemas."));
        decisions.Add(new(Area, "Archiving", $"ARCHIVELOG mode, ARCHIVE_LAG_TARGET = {lag} s{(dataGuard ? ", Data Guard standby" : string.Empty)}",
            $"A log switch at least every {lag} s (half the {M(objectives.RpoMinutes)} RPO) bounds the redo that can be lost with the server{(dataGuard ? "; an RPO under 2 minutes needs redo shipped as it is written: a Data Guard standby (SYNC or FASTSYNC)" : string.Empty)}."));
        decisions.Add(new(Area, "Retention", $"CONFIGURE RETENTION POLICY TO RECOVERY WINDOW OF {recoveryDays} DAYS",
            $"Any point of the last {recoveryDays} days can be restored (a week beyond the {M(objectives.RtoMinutes)} RTO so last week's mistakes are still recoverable); RMAN deletes only backups the window no longer needs (DELETE OBSOLETE)."));
        decisions.Add(new(Area, "Block change tracking", "ALTER DATABASE ENABLE BLOCK CHANGE TRACKING",
            "Level 1 backups read a bitmap of changed blocks instead of every datafile: their time follows the change rate, not the database size."));
        decisions.Add(new(Area, "Point-in-time recovery", "RESTORE / RECOVER DATABASE UNTIL TIME",
            "backup/restore_pitr.rman restores the level 0 and level 1 and applies redo up to the chosen time, then OPEN RESETLOGS; rehearse it monthly on a spare host."));

        var repository = (long)(CompressedFraction * ((2 * size.TotalBytes) + (6 * size.WriteBytesPerDay * 2) + (recoveryDays * size.LogBytesPerDay)));
        return new BackupPlan(objectives, size,
            new LogicalBackup(true, "Data Pump dump files", workers, workers, 0, 14, schedule[3].Cron),
            new PhysicalBackup(true, schedule[0].Cron, schedule[1].Cron, schedule[2].Cron, archiveHours, 2, 6, channels, restoreChannels, "RMAN MEDIUM", 0, repository),
            new LogArchiving(lag, dataGuard), schedule, estimates, decisions)
        {
            Name = new string(physical.Schema.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray()),
        };
    }

    private static double Mb(double bytes) => bytes / 1024 / 1024;

    private static string M(double minutes) => minutes < 120
        ? minutes.ToString("0.#", CultureInfo.InvariantCulture) + " min"
        : (minutes / 60).ToString("0.#", CultureInfo.InvariantCulture) + " h";
}
