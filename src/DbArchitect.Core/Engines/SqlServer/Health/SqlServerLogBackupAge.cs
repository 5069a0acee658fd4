using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>LOG_BACKUP_AGE: hours since the last log backup of databases in FULL or BULK_LOGGED recovery.</summary>
internal sealed class SqlServerLogBackupAge : SqlServerHealthCheck
{
    public override string Id => "LOG_BACKUP_AGE";

    public override string Title => "Log backup too old for the recovery model";

    public override string Category => "Durability";

    public override string Description => "Hours since the last transaction log backup (msdb.dbo.backupset type L) of each writable database in FULL or BULK_LOGGED recovery: 4 hours warning, 24 critical. Without log backups the log grows without end and a point-in-time restore is impossible; SIMPLE databases are not checked. Skipped on Azure SQL Database, which backs up the log itself.";

    public override HealthThreshold DefaultThreshold => new(4, 24, "hours");

    public override HealthPriority Priority => HealthPriority.High;

    public override string? AzureSqlDatabaseSkip => "log backups are automatic and kept by the service; msdb's backup history is not there.";

    public override string Sql => """
        SELECT d.name AS target, d.recovery_model_desc AS recovery_model, MAX(b.backup_finish_date) AS last_log_backup,
               ISNULL(DATEDIFF(HOUR, MAX(b.backup_finish_date), SYSDATETIME()), 9999) AS measured
        FROM sys.databases AS d
        LEFT JOIN msdb.dbo.backupset AS b ON b.database_name = d.name AND b.type = 'L'
        WHERE d.recovery_model IN (1, 2) AND d.database_id NOT IN (2, 3) AND d.state = 0 AND d.is_read_only = 0
        GROUP BY d.name, d.recovery_model_desc;
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"{row.String("recovery_model")} recovery, last log backup {row.String("last_log_backup") ?? "never"} ({HealthThreshold.Format(measured ?? 0)} hours ago).";

    protected override string Recommend(LiveRow row) => "Back up the log every 15–60 minutes (the data loss you accept), or switch to SIMPLE recovery if point-in-time restore is not needed.";
}
