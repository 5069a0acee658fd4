using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>LAST_CHECKDB: days since each database's last DBCC CHECKDB that found no corruption.</summary>
internal sealed class SqlServerLastCheckDb : SqlServerHealthCheck
{
    public override string Id => "LAST_CHECKDB";

    public override string Title => "Last clean DBCC CHECKDB too old";

    public override string Category => "Integrity";

    public override string Description => "Days since the last DBCC CHECKDB without errors (DATABASEPROPERTYEX LastGoodCheckDbTime): 7 days warning, 14 critical, as sp_Blitz and dbachecks advise; a database never checked counts as 9999 days. Skipped on Azure SQL Database, whose service checks integrity itself.";

    public override HealthThreshold DefaultThreshold => new(7, 14, "days");

    public override HealthPriority Priority => HealthPriority.High;

    public override string? AzureSqlDatabaseSkip => "the service runs integrity checks itself and keeps no LastGoodCheckDbTime for the user.";

    // LastGoodCheckDbTime is 1900-01-01 for a database never checked.
    public override string Sql => """
        SELECT d.name AS target, lc.last_good_checkdb,
               CASE WHEN lc.last_good_checkdb <= '19000101' THEN 9999 ELSE DATEDIFF(DAY, lc.last_good_checkdb, SYSDATETIME()) END AS measured
        FROM sys.databases AS d
        CROSS APPLY (SELECT CAST(DATABASEPROPERTYEX(d.name, 'LastGoodCheckDbTime') AS datetime2(0)) AS last_good_checkdb) AS lc
        WHERE d.database_id <> 2 AND d.state = 0 AND d.source_database_id IS NULL;
        """;

    protected override string Describe(LiveRow row, double? measured) => measured >= 9999
        ? "DBCC CHECKDB has never completed without errors."
        : $"Last clean DBCC CHECKDB {row.String("last_good_checkdb")} ({HealthThreshold.Format(measured ?? 0)} days ago).";

    protected override string Recommend(LiveRow row) => "Schedule DBCC CHECKDB (WITH PHYSICAL_ONLY on very large databases, full weekly), or run it on a restored copy.";
}
