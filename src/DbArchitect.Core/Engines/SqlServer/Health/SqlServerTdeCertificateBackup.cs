using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>TDE_CERTIFICATE_BACKUP: certificates that protect a TDE database key and whose private key was never backed up.</summary>
internal sealed class SqlServerTdeCertificateBackup : SqlServerHealthCheck
{
    public override string Id => "TDE_CERTIFICATE_BACKUP";

    public override string Title => "TDE certificate never backed up";

    public override string Category => "Security";

    public override string Description => "Certificates in master that encrypt a database encryption key (sys.dm_database_encryption_keys) and whose private key has no backup (sys.certificates.pvt_key_last_backup_date is NULL): without it, no backup of the encrypted database can be restored elsewhere. Critical. Skipped on Azure SQL Database, whose TDE keys are service- or Key Vault-managed.";

    protected override HealthStatus FoundStatus => HealthStatus.Critical;

    public override string? AzureSqlDatabaseSkip => "TDE protectors are managed by the service or Azure Key Vault, not certificates in master.";

    public override string Sql => """
        SELECT c.name AS target, DB_NAME(k.database_id) AS database_name, c.expiry_date AS expiry_date
        FROM sys.dm_database_encryption_keys AS k
        JOIN master.sys.certificates AS c ON c.thumbprint = k.encryptor_thumbprint
        WHERE c.pvt_key_last_backup_date IS NULL;
        """;

    protected override string Describe(LiveRow row, double? measured) => $"Certificate protecting {row.String("database_name")} has never had its private key backed up.";

    protected override string Recommend(LiveRow row) => "BACKUP CERTIFICATE … TO FILE … WITH PRIVATE KEY (FILE = …, ENCRYPTION BY PASSWORD = …); keep the files and password away from the database backups.";
}
