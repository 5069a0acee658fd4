using System.Globalization;
using System.Text;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// SQLite backups: a database is one file, but copying it while it is written gives a torn copy. The online backup
/// API (sqlite3 ".backup", or the driver's BackupDatabase) copies a consistent snapshot while the application runs;
/// VACUUM INTO writes a compacted copy. Point-in-time recovery needs the WAL shipped as it is written (Litestream),
/// because SQLite keeps no log archive of its own.
/// </summary>
internal sealed class SqliteBackup : IBackupPlanner
{
    public const string ScriptPath = "backup/backup.sh";

    public const string ScriptPurpose = "Online backup with the backup API (.backup), verified with integrity_check, compressed, with old copies pruned; VACUUM INTO as the compacting alternative.";

    internal const double CopyMBps = 200;       // the backup API copying pages on SSD, one process
    internal const double StartupMinutes = 2;   // fetch the copy, stop the application, swap the file
    internal const double DefaultRpoMinutes = 15;
    internal const double DefaultRtoMinutes = 240;
    internal const int KeepDays = 14;

    private const string Area = DesignAreas.BackupAndRecovery;

    public BackupPlan Plan(DbRequirement requirement, SchemaModel physical, CapacityForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(physical);
        ArgumentNullException.ThrowIfNull(forecast);
        var operations = requirement.Operations;
        var window = operations.BackupWindow ?? new BackupWindow(60, 300);
        var objectives = new RecoveryObjectives(
            operations.RpoMinutes ?? DefaultRpoMinutes, operations.RpoMinutes is not null,
            operations.RtoMinutes ?? DefaultRtoMinutes, operations.RtoMinutes is not null,
            window.StartMinute, window.DurationMinutes, window.ToString(), operations.BackupWindow is not null);
        var perDay = physical.Tables.ToDictionary(t => t.Name, t => t.RowsPerDay, StringComparer.Ordinal);
        var size = BackupSizing.Project(requirement, forecast.Tables, t => perDay.GetValueOrDefault(t));
        var copyMinutes = size.TotalBytes / (CopyMBps * 1024 * 1024) / 60;
        var restoreMinutes = StartupMinutes + copyMinutes;
        var streaming = objectives.RpoMinutes < 1440;
        var start = window.StartMinute;
        var daily = Cron(start, "*");
        var name = Name(physical.Schema);

        var estimates = new List<RecoveryEstimate>
        {
            new("Online backup (.backup)", copyMinutes, objectives.WindowMinutes,
                $"{Capacity.Bytes(size.TotalBytes)} (the whole file: tables and indexes) at ≈{CopyMBps.ToString("0", CultureInfo.InvariantCulture)} MB/s = {Minutes(copyMinutes)}"),
            new("Restore (copy the file back)", restoreMinutes, objectives.RtoMinutes,
                $"{Minutes(StartupMinutes)} to fetch and swap + {Minutes(copyMinutes)} copying = {Minutes(restoreMinutes)}; indexes come with the file, nothing is rebuilt"),
            new("Data lost on a disk loss", streaming ? 1.0 / 60 : 1440, objectives.RpoMinutes,
                streaming ? "Litestream ships WAL frames about every second" : "daily copies only: up to a day"),
        };
        var decisions = new List<DesignDecision>
        {
            new(Area, "Recovery objectives", $"RPO {Minutes(objectives.RpoMinutes)}, RTO {Minutes(objectives.RtoMinutes)}, backup window {objectives.Window} UTC",
                operations.RpoMinutes is null || operations.RtoMinutes is null ? "Partly assumed where operations: does not state them; state them to size the plan." : "Stated in the requirements (operations:)."),
            new(Area, "Method", $"Daily online backup with the backup API (sqlite3 \".backup\", backup/backup.sh) at {Clock(start)} UTC, verified by integrity_check",
                $"Copying the file with cp while the application writes can produce a torn copy (and misses the -wal file); the backup API copies a consistent snapshot page by page while readers and the writer continue. ≈{Minutes(copyMinutes)} for {Capacity.Bytes(size.TotalBytes)}. VACUUM INTO is the alternative when a compacted copy is wanted (it rebuilds every page, so it is slower)."),
            new(Area, "Point-in-time recovery", streaming ? "Litestream replicating the WAL to object storage (about 1 s behind)" : "None: daily copies meet the RPO",
                streaming
                    ? $"SQLite keeps no log archive, so a daily copy could lose up to a day against a {Minutes(objectives.RpoMinutes)} RPO; Litestream takes over checkpointing, ships each WAL segment as it is written and restores to any point in its retention."
                    : "The RPO allows losing up to a day."),
            new(Area, "Restore", $"Stop the writers, replace the file (and delete any stale -wal/-shm), run PRAGMA integrity_check: ≈{Minutes(restoreMinutes)}",
                $"A SQLite restore is a file copy: no replay, no index builds. {(restoreMinutes <= objectives.RtoMinutes ? "Within" : "OVER")} the {Minutes(objectives.RtoMinutes)} RTO."),
            new(Area, "Retention", $"{KeepDays} daily copies, compressed with zstd",
                "Two weeks of daily copies cover mistakes noticed late; older copies are pruned by the script."),
        };
        var schedule = new List<BackupJob>
        {
            new("Online backup", daily, "backup/backup.sh database.db /var/backups/" + name, "Consistent daily copy through the backup API, then integrity_check on the copy."),
            new("Restore drill", Cron(start + window.DurationMinutes, "3"), "sqlite3 latest-copy.db \"PRAGMA integrity_check;\"", "Weekly proof that the latest copy opens and is intact."),
        };
        var repository = (long)(size.TotalBytes * KeepDays * 0.35);
        return new BackupPlan(objectives, size,
            new LogicalBackup(false, "sql (.dump)", 1, 1, 3, KeepDays, Cron(start, "0")),
            new PhysicalBackup(true, daily, string.Empty, null, 24, KeepDays, 0, 1, 1, "zst", 3, repository),
            new LogArchiving(streaming ? 1 : 0, false), schedule, estimates, decisions)
        {
            Name = name,
            FilesNote = "backup.sh needs only the sqlite3 shell and zstd and holds no credentials (file permissions are SQLite's only access control); it refuses to keep a copy that fails integrity_check.",
        };
    }

    /// <summary>backup/backup.sh: online backup, verification, compression and pruning.</summary>
    public static string Script(DbDesign design, BackupPlan plan)
    {
        var text = new StringBuilder();
        text.Append("#!/bin/sh\n");
        text.Append(CommentText.Hash($"Generated by DbArchitect.PS for {design.Application}, {design.EngineDisplayName}.")).Append('\n');
        text.Append(CommentText.Hash(ScriptPurpose)).Append('\n');
        text.Append(CommentText.Hash($"Usage: backup.sh <database file> <backup directory>; schedule: {plan.Physical.FullCron} (UTC)")).Append('\n');
        text.Append("set -eu\n");
        text.Append("db=\"$1\"\n");
        text.Append("dir=\"$2\"\n");
        text.Append("name=").Append(ShellText.Quote(plan.Name)).Append('\n');
        text.Append("stamp=$(date -u +%Y%m%dT%H%M%SZ)\n");
        text.Append("copy=\"$dir/$name-$stamp.db\"\n");
        text.Append("mkdir -p \"$dir\"\n");
        text.Append("# The online backup API: a consistent snapshot while the application keeps reading and writing.\n");
        text.Append("sqlite3 \"$db\" \".timeout 10000\" \".backup '$copy'\"\n");
        text.Append("# Alternative: a compacted copy (rewrites every page; slower):\n");
        text.Append("#   sqlite3 \"$db\" \"VACUUM INTO '$copy'\"\n");
        text.Append("result=$(sqlite3 \"$copy\" \"PRAGMA integrity_check;\")\n");
        text.Append("if [ \"$result\" != \"ok\" ]; then echo \"integrity_check failed on $copy: $result\" >&2; exit 1; fi\n");
        text.Append("zstd -q --rm -3 \"$copy\"\n");
        text.Append("find \"$dir\" -name \"$name-*.db.zst\" -mtime +").Append(plan.Logical.KeepDays.ToString(CultureInfo.InvariantCulture)).Append(" -delete\n");
        return text.ToString();
    }

    private static string Name(string schema)
    {
        var text = new StringBuilder();
        foreach (var c in schema)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        }

        var name = text.ToString().Trim('_');
        return name.Length == 0 ? "database" : name;
    }

    private static string Cron(int minuteOfDay, string daysOfWeek)
    {
        var m = ((minuteOfDay % 1440) + 1440) % 1440;
        return string.Create(CultureInfo.InvariantCulture, $"{m % 60} {m / 60} * * {daysOfWeek}");
    }

    private static string Clock(int minuteOfDay)
    {
        var m = ((minuteOfDay % 1440) + 1440) % 1440;
        return string.Create(CultureInfo.InvariantCulture, $"{m / 60:00}:{m % 60:00}");
    }

    private static string Minutes(double minutes) => minutes switch
    {
        < 1 => (minutes * 60).ToString("0", CultureInfo.InvariantCulture) + " s",
        < 120 => minutes.ToString("0.#", CultureInfo.InvariantCulture) + " min",
        _ => (minutes / 60).ToString("0.#", CultureInfo.InvariantCulture) + " h",
    };
}
