using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>LAST_BACKUP_AGE: days since each database's last full backup (msdb history).</summary>
internal sealed class SqlServerLastBackupAge : SqlServerHealthCheck
{
    public override string Id => "LAST_BACKUP_AGE";

    public override string Title => "Full backup too old";

    public override string Category => "Durability";

    public override string Description => "Days since the last full backup in msdb.dbo.backupset: 7 days warning, 14 critical; a database never backed up counts as 9999 days.";

    public override HealthThreshold DefaultThreshold => new(7, 14, "days");

    public override HealthPriority Priority => HealthPriority.High;

    public override string? AzureSqlDatabaseSkip => "backups are automatic and kept by the service; msdb's backup history is not there.";

    public override string Sql => """
        SELECT d.name AS target, MAX(b.backup_finish_date) AS last_full_backup,
               ISNULL(DATEDIFF(DAY, MAX(b.backup_finish_date), SYSDATETIME()), 9999) AS measured
        FROM sys.databases AS d
        LEFT JOIN msdb.dbo.backupset AS b ON b.database_name = d.name AND b.type = 'D'
        WHERE d.database_id <> 2 AND d.state = 0
        GROUP BY d.name;
        """;

    protected override string Describe(LiveRow row, double? measured) => $"Last full backup {row.String("last_full_backup") ?? "never"} ({HealthThreshold.Format(measured ?? 0)} days ago).";

    protected override string Recommend(LiveRow row) => "Schedule full backups (and log backups for FULL recovery) and test restores.";
}
