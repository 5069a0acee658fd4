using System.Globalization;
using System.Text;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// PostgreSQL backups from the recovery objectives: pgBackRest full/differential/incremental backups with continuous
/// WAL archiving for point-in-time recovery, pg_dump logical dumps for portable and table-level restores, and the
/// arithmetic (restore and replay time at stated throughputs) that shows whether the RTO and RPO are met.
/// </summary>
internal sealed class PostgreSqlBackupPlanner : IBackupPlanner
{
    // Assumed throughputs, stated in every reason that uses them. Conservative figures for one server.
    internal const double DumpMBpsPerJob = 40;          // pg_dump with compression: CPU-bound per job
    internal const double LogicalRestoreMBpsPerJob = 25; // COPY plus index and constraint builds, of on-disk bytes
    internal const double PhysicalMBpsPerProcess = 100;  // pgBackRest with zstd, per process
    internal const double WalReplayMBps = 30;            // single startup process replaying WAL
    internal const double StartupMinutes = 5;            // provisioning, stanza checks, promotion
    internal const double ArchiveLatencyMinutes = 0.5;   // archive-push after a segment switch (async queue)
    internal const double CompressedFraction = 0.35;     // zstd level 3 / gzip 6 on typical row data

    internal const double DefaultRpoMinutes = 15;
    internal const double DefaultRtoMinutes = 240;
    internal static readonly BackupWindow DefaultWindow = new(60, 300);

    private const string Area = DesignAreas.BackupAndRecovery;
    private const int LogicalKeepDays = 14;
    private const int RetentionFull = 2;
    private const int RetentionDifferential = 6;
    private static readonly int[] IncrementalSpacings = { 12, 8, 6, 4, 3, 2, 1 }; // divisors of a day, widest first

    public BackupPlan Plan(DbRequirement requirement, SchemaModel physical, CapacityForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(physical);
        var objectives = Objectives(requirement.Operations);
        ArgumentNullException.ThrowIfNull(forecast);
        var perDay = physical.Tables.ToDictionary(t => t.Name, t => t.RowsPerDay, StringComparer.Ordinal);
        var size = BackupSizing.Project(requirement, forecast.Tables, t => perDay.GetValueOrDefault(t));
        var cpus = requirement.Hardware.Cpus ?? 4;
        var storage = requirement.Hardware.Storage ?? StorageKind.Ssd;
        var tables = Math.Max(1, physical.Tables.Count);
        var name = SafeName(physical.Schema);

        var decisions = new List<DesignDecision>();
        var estimates = new List<RecoveryEstimate>();
        decisions.Add(new DesignDecision(Area, "Recovery objectives",
            $"RPO {Minutes(objectives.RpoMinutes)}, RTO {Minutes(objectives.RtoMinutes)}, backup window {objectives.Window} UTC",
            AssumedObjectives(objectives) is { Length: > 0 } assumed
                ? $"Assumed where operations: does not state them ({assumed}); state them to size the plan to the business."
                : "Stated in the requirements (operations:)."));
        decisions.Add(new DesignDecision(Area, "Sized from",
            $"≈{Capacity.Bytes(size.DataBytes)} of tables and ≈{Capacity.Bytes(size.IndexBytes)} of indexes after {size.Horizon}; ≈{Capacity.Bytes(size.WriteBytesPerDay)} written and ≈{Capacity.Bytes(size.LogBytesPerDay)} of WAL per day",
            $"From {size.Source}; WAL ≈ {BackupSizing.LogAmplification.ToString("0", CultureInfo.InvariantCulture)}× the bytes written (full-page images after checkpoints). Updates and deletes add to the WAL volume."));

        // Point-in-time recovery: a segment switch at least every RPO/2 leaves half the RPO for archiving to finish.
        var needsPitr = objectives.RpoMinutes < 1440;
        var archiveTimeout = (int)Math.Clamp(Math.Floor(objectives.RpoMinutes * 60 / 2), 60, 3600);
        var needsStreaming = objectives.RpoMinutes < 2;
        var lossMinutes = (archiveTimeout / 60.0) + ArchiveLatencyMinutes;
        estimates.Add(new RecoveryEstimate("Data lost on a server loss (WAL archive)", lossMinutes, objectives.RpoMinutes,
            $"archive_timeout {archiveTimeout} s + ≈{ArchiveLatencyMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min archive-push latency = {Minutes(lossMinutes)}"));

        // Physical backups and their restore time.
        var backupProcesses = Math.Clamp(cpus / 4, 1, 8);
        var restoreProcesses = Math.Clamp(cpus, 1, 16);
        var backupMBps = PhysicalRate(backupProcesses, storage);
        var restoreMBps = PhysicalRate(restoreProcesses, storage);
        var fullMinutes = Mb(size.TotalBytes) / backupMBps / 60;
        var restoreMinutes = Mb(size.TotalBytes) / restoreMBps / 60;
        var walMbPerHour = Mb(size.LogBytesPerDay) / 24;
        var windowHours = (int)Math.Ceiling(objectives.WindowMinutes / 60.0);
        var replayBudget = (objectives.RtoMinutes - StartupMinutes - restoreMinutes) / 2;
        var spacing = ReplayMinutes(24, walMbPerHour) <= replayBudget
            ? 24
            : IncrementalSpacings.FirstOrDefault(h => ReplayMinutes(Math.Max(h, windowHours), walMbPerHour) <= replayBudget, 1);
        var gapHours = spacing == 24 ? 24 : Math.Max(spacing, windowHours);
        var replayMinutes = ReplayMinutes(gapHours, walMbPerHour);
        var physicalTotal = StartupMinutes + restoreMinutes + replayMinutes;
        var physicalRestore = new RecoveryEstimate("Physical restore (pgBackRest) and WAL replay", physicalTotal, objectives.RtoMinutes,
            $"{Minutes(StartupMinutes)} start-up + {Capacity.Bytes(size.TotalBytes)} at {Rate(restoreMBps)} ({restoreProcesses} processes) = {Minutes(restoreMinutes)} + worst-case {gapHours} h of WAL ({Capacity.Bytes(walMbPerHour * gapHours * 1024 * 1024)}) replayed at {Rate(WalReplayMBps)} = {Minutes(replayMinutes)}; total {Minutes(physicalTotal)}");
        estimates.Add(physicalRestore);
        estimates.Add(new RecoveryEstimate("Full physical backup", fullMinutes, objectives.WindowMinutes,
            $"{Capacity.Bytes(size.TotalBytes)} at {Rate(backupMBps)} ({backupProcesses} processes, leaving the other cores to production) = {Minutes(fullMinutes)} in a {Minutes(objectives.WindowMinutes)} window"));

        // Logical dumps: portable, table-level, and what the restore drill proves end to end.
        var logicalJobs = Math.Clamp(cpus / 2, 1, Math.Min(8, tables));
        var directory = size.DataBytes > 10L * 1024 * 1024 * 1024 && logicalJobs > 1;
        var dumpJobs = directory ? logicalJobs : 1;
        var dumpMinutes = Mb(size.DataBytes) / (DumpMBpsPerJob * dumpJobs) / 60;
        var restoreJobs = Math.Clamp(cpus, 1, Math.Min(8, tables));
        var logicalRestoreMinutes = StartupMinutes + (Mb(size.TotalBytes) / (LogicalRestoreMBpsPerJob * restoreJobs) / 60);
        estimates.Add(new RecoveryEstimate("Logical dump (pg_dump)", dumpMinutes, objectives.WindowMinutes / 2.0,
            $"{Capacity.Bytes(size.DataBytes)} of table data at {Rate(DumpMBpsPerJob)} × {Jobs(dumpJobs)} = {Minutes(dumpMinutes)} in half the window ({Minutes(objectives.WindowMinutes / 2.0)})"));
        estimates.Add(new RecoveryEstimate("Logical restore (pg_restore -j)", logicalRestoreMinutes, objectives.RtoMinutes,
            $"{Minutes(StartupMinutes)} + {Capacity.Bytes(size.TotalBytes)} (data and rebuilt indexes) at {Rate(LogicalRestoreMBpsPerJob)} × {Jobs(restoreJobs)} = {Minutes(logicalRestoreMinutes)}"));

        var logicalFits = dumpMinutes <= objectives.WindowMinutes / 2.0;
        var logicalMeetsRto = logicalRestoreMinutes <= objectives.RtoMinutes;
        var physicalPrimary = needsPitr || !logicalMeetsRto || !logicalFits;

        var start = objectives.WindowStartMinute;
        var full = Cron(start, "0");
        var differential = Cron(start, "1-6");
        var incremental = spacing < 24 ? IncrementalCron(start, spacing, objectives.WindowMinutes) : null;
        var dumpAt = start + (physicalPrimary ? objectives.WindowMinutes / 2 : 0);
        var dump = Cron(dumpAt, "*");
        var drill = Cron(start + objectives.WindowMinutes, "3");

        var repositoryBytes = (long)(CompressedFraction * ((RetentionFull * size.TotalBytes)
            + (RetentionDifferential * 3.5 * size.WriteBytesPerDay) + (7.0 * RetentionFull * size.LogBytesPerDay)));
        var physicalBackup = new PhysicalBackup(physicalPrimary, full, differential, incremental, spacing, RetentionFull, RetentionDifferential,
            backupProcesses, restoreProcesses, "zst", 3, repositoryBytes);
        var logical = new LogicalBackup(logicalFits, directory ? "directory" : "custom", logicalJobs, restoreJobs, directory ? 3 : 6, LogicalKeepDays, dump);

        decisions.Add(new DesignDecision(Area, "Method",
            physicalPrimary ? "pgBackRest physical backups with continuous WAL archiving (primary); pg_dump logical dumps (secondary)" : "pg_dump logical dumps (primary); WAL archiving for point-in-time recovery",
            physicalPrimary
                ? (needsPitr ? $"An RPO of {Minutes(objectives.RpoMinutes)} needs WAL archiving, which replays onto a physical base backup; a nightly dump alone could lose up to a day. " : string.Empty)
                  + (logicalMeetsRto ? string.Empty : $"A logical restore would take {Minutes(logicalRestoreMinutes)}, over the {Minutes(objectives.RtoMinutes)} RTO. ")
                  + "Logical dumps stay for restoring single tables, moving to another major version, and the restore drill."
                : $"The RPO of {Minutes(objectives.RpoMinutes)} allows daily dumps, the dump takes {Minutes(dumpMinutes)} of the window and a logical restore ({Minutes(logicalRestoreMinutes)}) meets the {Minutes(objectives.RtoMinutes)} RTO."));
        decisions.Add(new DesignDecision(Area, "Point-in-time recovery",
            $"wal_level = replica, archive_mode = on, archive_command = pgBackRest archive-push (async), archive_timeout = {archiveTimeout}s",
            $"A WAL segment is switched and archived at least every {archiveTimeout} s (half the RPO, at least 60 s so the archive is not flooded with mostly empty 16 MB segments): worst-case loss {Minutes(lossMinutes)} against the {Minutes(objectives.RpoMinutes)} RPO. Recovery restores the last backup, then replays WAL through restore_command up to recovery_target_time (recovery.signal in the data directory)."));
        if (needsStreaming)
        {
            decisions.Add(new DesignDecision(Area, "Sub-minute RPO", "A streaming standby (synchronous_commit = remote_write for the critical writes) or pg_receivewal beside the archive",
                $"archive_timeout cannot usefully go below 60 s, so the archive alone loses up to {Minutes(lossMinutes)}; streaming replication ships WAL as it is written, bringing the loss under the {Minutes(objectives.RpoMinutes)} RPO."));
        }

        decisions.Add(new DesignDecision(Area, "Physical backup schedule",
            $"Full on Sunday and differential Monday–Saturday at {Clock(start)} UTC" + (incremental is null ? string.Empty : $"; incremental every {spacing} h outside the window"),
            $"A full backup takes ≈{Minutes(fullMinutes)} at {Rate(backupMBps)}" + (fullMinutes <= objectives.WindowMinutes ? $", inside the {Minutes(objectives.WindowMinutes)} window" : $", longer than the {Minutes(objectives.WindowMinutes)} window: it runs online and simply continues past it")
            + $". Backups every {gapHours} h bound the WAL to replay after a restore to {Capacity.Bytes(walMbPerHour * gapHours * 1024 * 1024)} ({Minutes(replayMinutes)} at {Rate(WalReplayMBps)}), so replay takes at most half of the RTO left after start-up and copying files."));
        var rtoMet = physicalTotal <= objectives.RtoMinutes;
        decisions.Add(new DesignDecision(Area, "Restore time", $"≈{Minutes(physicalTotal)} for a full restore and replay (RTO {Minutes(objectives.RtoMinutes)})",
            physicalRestore.Arithmetic + (rtoMet ? "; within the RTO." : "; OVER the RTO: backups alone cannot meet it.")));
        if (!rtoMet)
        {
            decisions.Add(new DesignDecision(Area, "Failover", "A streaming standby with automatic failover (e.g. Patroni)",
                $"Restoring {Capacity.Bytes(size.TotalBytes)} takes longer than the {Minutes(objectives.RtoMinutes)} RTO; promoting a standby takes seconds to minutes. Backups remain for disasters and mistakes a standby replicates."));
        }

        decisions.Add(new DesignDecision(Area, "Logical dumps",
            logicalFits
                ? $"Daily pg_dump --format={logical.Format}{(directory ? $" --jobs={logicalJobs}" : string.Empty)} at {Clock(dumpAt)} UTC, restored with pg_restore --jobs={restoreJobs}"
                : "Not scheduled; run backup/backup.sh on demand (before major upgrades, for single-table exports)",
            logicalFits
                ? (directory ? $"{Capacity.Bytes(size.DataBytes)} of table data is dumped in parallel (directory format) in ≈{Minutes(dumpMinutes)}" : $"{Capacity.Bytes(size.DataBytes)} of table data fits one compressed custom-format file, dumped in ≈{Minutes(dumpMinutes)}")
                  + $"; restore runs {Jobs(restoreJobs)} (≈{Minutes(logicalRestoreMinutes)}). Each dump carries a SHA-256 manifest and per-table row counts and checksums taken in the dump's own snapshot."
                : $"A dump would take ≈{Minutes(dumpMinutes)}, more than half of the {Minutes(objectives.WindowMinutes)} window."));
        if (requirement.Application.Tenancy == Tenancy.Multi)
        {
            decisions.Add(new DesignDecision(Area, "Backup role", "A dedicated login with pg_read_all_data and BYPASSRLS runs the dumps",
                "Row-level security hides other tenants' rows from every application role; pg_dump refuses to dump a table whose rows a policy would filter, so the backup role must bypass the policies, and nothing else should."));
        }

        decisions.Add(new DesignDecision(Area, "Retention",
            $"{RetentionFull} full backups with their differentials and WAL (point-in-time recovery over the last 7–14 days), {LogicalKeepDays} days of dumps; repository ≈{Capacity.Bytes(repositoryBytes)}",
            $"Repository size ≈ {CompressedFraction.ToString("0.##", CultureInfo.InvariantCulture)} (zstd) × ({RetentionFull} fulls + {RetentionDifferential} differentials + 14 days of WAL)"
            + (requirement.Workload.Retention is { } retention ? $". Backups cover operational recovery; keeping data for {retention} is the database's own data lifecycle, not the backups'." : ".")));
        decisions.Add(logicalFits
            ? new DesignDecision(Area, "Restore drill", "Weekly: restore-drill.sh restores the latest dump into a scratch database and compares row counts and checksums per table",
                "A backup that was never restored is a hope, not a backup; the drill also measures the real restore time against the RTO.")
            : new DesignDecision(Area, "Restore drill", $"Monthly: pgbackrest --stanza={name} --delta restore on a restore-test server, then the health checks and a row-count comparison",
                "A backup that was never restored is a hope, not a backup; with no scheduled dumps, the drill restores the physical backups that recovery would use (restore-drill.sh still checks any dump taken on demand)."));

        var schedule = new List<BackupJob>
        {
            new("Full backup", full, $"pgbackrest --stanza={name} --type=full backup", "Weekly base of the backup chain, at the start of the window."),
            new("Differential backup", differential, $"pgbackrest --stanza={name} --type=diff backup", "Changes since the full backup, so a restore copies at most one full and one differential."),
        };
        if (incremental is not null)
        {
            schedule.Add(new("Incremental backup", incremental, $"pgbackrest --stanza={name} --type=incr backup", $"Every {spacing} h to bound WAL replay within the RTO."));
        }

        schedule.Add(new("Archive check", Cron(start + objectives.WindowMinutes + 30, "*"), $"pgbackrest --stanza={name} check", "Fails loudly when WAL archiving stops, before the RPO is silently lost."));
        if (logicalFits)
        {
            schedule.Add(new("Logical dump", dump, "backup.sh", "Portable dump with manifest and per-table checksums."));
        }

        if (logicalFits)
        {
            schedule.Add(new("Restore drill", drill, "restore-drill.sh", "Weekly proof that the latest dump restores and matches."));
        }

        return new BackupPlan(objectives, size, logical, physicalBackup, new LogArchiving(archiveTimeout, needsStreaming), schedule, estimates, decisions)
        {
            Name = name,
        };
    }

    private static string AssumedObjectives(RecoveryObjectives objectives) => string.Join(", ", new[]
    {
        objectives.RpoStated ? null : $"RPO {Minutes(DefaultRpoMinutes)}",
        objectives.RtoStated ? null : $"RTO {Minutes(DefaultRtoMinutes)}",
        objectives.WindowStated ? null : $"window {DefaultWindow} UTC",
    }.Where(p => p is not null));

    private static RecoveryObjectives Objectives(OperationsProfile operations)
    {
        var window = operations.BackupWindow ?? DefaultWindow;
        return new RecoveryObjectives(
            operations.RpoMinutes ?? DefaultRpoMinutes, operations.RpoMinutes is not null,
            operations.RtoMinutes ?? DefaultRtoMinutes, operations.RtoMinutes is not null,
            window.StartMinute, window.DurationMinutes, window.ToString(), operations.BackupWindow is not null);
    }

    private static double PhysicalRate(int processes, StorageKind storage) => Math.Min(PhysicalMBpsPerProcess * processes, storage switch
    {
        StorageKind.Hdd => 150,
        StorageKind.Network => 300,
        _ => 800,
    });

    private static double ReplayMinutes(int hours, double walMbPerHour) => walMbPerHour * hours / WalReplayMBps / 60;

    private static double Mb(double bytes) => bytes / (1024 * 1024);

    /// <summary>Cron fields for a job at a minute of the day (wrapping past midnight) on the given days of week.</summary>
    private static string Cron(int minuteOfDay, string daysOfWeek)
    {
        var m = ((minuteOfDay % 1440) + 1440) % 1440;
        return string.Create(CultureInfo.InvariantCulture, $"{m % 60} {m / 60} * * {daysOfWeek}");
    }

    /// <summary>Every <paramref name="spacing"/> hours from the window start, skipping hours inside the window.</summary>
    private static string? IncrementalCron(int windowStart, int spacing, int windowMinutes)
    {
        var hours = new List<int>();
        for (var k = 1; k * spacing < 24; k++)
        {
            var offset = k * spacing * 60;
            if (offset >= windowMinutes)
            {
                hours.Add(((windowStart + offset) / 60) % 24);
            }
        }

        hours.Sort();
        return hours.Count == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"{windowStart % 60} {string.Join(",", hours)} * * *");
    }

    private static string Clock(int minuteOfDay)
    {
        var m = ((minuteOfDay % 1440) + 1440) % 1440;
        return string.Create(CultureInfo.InvariantCulture, $"{m / 60:00}:{m % 60:00}");
    }

    internal static string Minutes(double minutes) => minutes switch
    {
        < 1 => (minutes * 60).ToString("0", CultureInfo.InvariantCulture) + " s",
        < 120 => minutes.ToString("0.#", CultureInfo.InvariantCulture) + " min",
        _ => (minutes / 60).ToString("0.#", CultureInfo.InvariantCulture) + " h",
    };

    private static string Jobs(int jobs) => jobs == 1 ? "1 job" : jobs.ToString(CultureInfo.InvariantCulture) + " jobs in parallel";

    private static string Rate(double mbps) => mbps.ToString("0", CultureInfo.InvariantCulture) + " MB/s";

    /// <summary>A name safe in paths, cron lines and pgBackRest stanza names: letters, digits and underscores.</summary>
    internal static string SafeName(string schema)
    {
        var text = new StringBuilder();
        foreach (var c in schema)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        }

        var name = text.ToString().Trim('_');
        return name.Length == 0 ? "database" : name;
    }
}
