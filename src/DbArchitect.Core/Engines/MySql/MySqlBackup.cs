using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// Backups for InnoDB: mysqldump --single-transaction (a consistent snapshot without locking InnoDB tables) while the
/// database is small; mariabackup (MariaDB) or Percona XtraBackup (MySQL; the free alternative to MySQL Enterprise
/// Backup) for physical full and incremental copies when it is large; the binary log for point-in-time recovery
/// (mysqlbinlog --stop-datetime replays up to just before the mistake).
/// </summary>
public sealed class MySqlBackup : IBackupPlanner
{
    /// <summary>Above this size a logical dump and reload outgrow a night and the RTO: physical backups lead.</summary>
    public const long LogicalLimitBytes = 50L * 1024 * 1024 * 1024;

    private const double DumpMBps = 50;
    private const double ReloadMBps = 15;
    private const double PhysicalMBps = 200;

    private readonly MySqlDialect _dialect;

    public MySqlBackup(MySqlDialect dialect) => _dialect = dialect;

    public string Tool => _dialect.IsMariaDb ? "mariabackup" : "xtrabackup";

    public BackupPlan Plan(DbRequirement requirement, SchemaModel physical, CapacityForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(physical);
        ArgumentNullException.ThrowIfNull(forecast);
        var operations = requirement.Operations;
        var window = operations.BackupWindow ?? new BackupWindow(60, 300);
        var objectives = new RecoveryObjectives(
            operations.RpoMinutes ?? 15, operations.RpoMinutes is not null,
            operations.RtoMinutes ?? 240, operations.RtoMinutes is not null,
            window.StartMinute, window.DurationMinutes, window.ToString(), operations.BackupWindow is not null);
        var perDay = physical.Tables.ToDictionary(t => t.Name, t => t.RowsPerDay, StringComparer.Ordinal);
        var size = BackupSizing.Project(requirement, forecast.Tables, t => perDay.GetValueOrDefault(t));
        var mb = size.TotalBytes / (1024.0 * 1024.0);
        var logicalFits = size.TotalBytes <= LogicalLimitBytes;
        var startHour = window.StartMinute / 60;
        var startMinute = window.StartMinute % 60;
        string Cron(string days) => string.Create(CultureInfo.InvariantCulture, $"{startMinute} {startHour} * * {days}");

        var dumpMinutes = mb / DumpMBps / 60;
        var reloadMinutes = mb / ReloadMBps / 60;
        var physicalMinutes = mb / PhysicalMBps / 60;
        var binlogMinutes = Math.Max(1, objectives.RpoMinutes / 3);
        var estimates = new List<RecoveryEstimate>
        {
            new("Data lost on a server loss (binary logs shipped off the server)", binlogMinutes, objectives.RpoMinutes,
                string.Create(CultureInfo.InvariantCulture, $"binary logs copied every {binlogMinutes:0.#} min (mysqlbinlog --read-from-remote-server --raw --stop-never streams them continuously)")),
            new($"Logical dump (mysqldump --single-transaction)", dumpMinutes, objectives.WindowMinutes,
                string.Create(CultureInfo.InvariantCulture, $"{mb:0} MB at about {DumpMBps} MB/s")),
            new("Logical restore (reload the dump, indexes rebuilt)", reloadMinutes, objectives.RtoMinutes,
                string.Create(CultureInfo.InvariantCulture, $"{mb:0} MB at about {ReloadMBps} MB/s")),
            new($"Physical restore ({Tool} --copy-back) and binlog replay", physicalMinutes * 2, objectives.RtoMinutes,
                string.Create(CultureInfo.InvariantCulture, $"{mb:0} MB copied at about {PhysicalMBps} MB/s, prepared, plus replay of one day of binary logs")),
        };

        var database = physical.Schema;
        var schedule = new List<BackupJob>
        {
            new("logical_dump", Cron("*"),
                $"{(_dialect.IsMariaDb ? "mariadb-dump" : "mysqldump")} --single-transaction --routines --triggers --events --hex-blob --source-data=2 {database} | zstd > {database}-$(date +%F).sql.zst",
                logicalFits ? "Daily consistent dump without locking InnoDB; small enough to reload within the RTO." : "Daily dump kept for single-table restores; the physical backup is the primary."),
            new("physical_full", Cron("0"), $"{Tool} --backup --target-dir=/backup/full-$(date +%F) && {Tool} --prepare --target-dir=/backup/full-$(date +%F)",
                $"Weekly full physical copy with {Tool} (hot, non-blocking for InnoDB); restore is a file copy, much faster than a reload."),
            new("physical_incremental", Cron("1-6"), $"{Tool} --backup --target-dir=/backup/inc-$(date +%F) --incremental-basedir=/backup/last",
                "Daily incrementals copy only pages changed since the last backup."),
            new("binlog_stream", "@reboot", "mysqlbinlog --read-from-remote-server --raw --stop-never --host=<primary> mysql-bin.000001",
                $"Point-in-time recovery: restore the last backup, then mysqlbinlog --start-position=<from the backup> --stop-datetime='<just before the mistake>' binlog files | {_dialect.Client}."),
        };

        var decisions = new List<DesignDecision>
        {
            new(DesignAreas.BackupAndRecovery, "Primary backup", logicalFits ? "mysqldump --single-transaction" : Tool,
                string.Create(CultureInfo.InvariantCulture,
                    $"{Capacity.Bytes(size.TotalBytes)} projected ({size.Source}); logical dumps serve up to {LogicalLimitBytes / (1024 * 1024 * 1024)} GB, beyond that {Tool} physical copies restore within the RTO of {objectives.RtoMinutes:0} min.")),
            new(DesignAreas.BackupAndRecovery, "Point-in-time recovery", "binary log (ROW) + mysqlbinlog --stop-datetime",
                string.Create(CultureInfo.InvariantCulture, $"RPO {objectives.RpoMinutes:0} min: binary logs are streamed off the server continuously and kept 7 days.")),
        };

        return new BackupPlan(objectives, size,
            new LogicalBackup(true, "sql", 1, 1, 3, 14, Cron("*")),
            new PhysicalBackup(!logicalFits, Cron("0"), string.Empty, Cron("1-6"), 24, 2, 0, 1, 1, "zstd", 3, size.TotalBytes * 3),
            new LogArchiving(0, true), schedule, estimates, decisions)
        {
            Name = physical.Name,
        };
    }
}
