using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>VLF_COUNT: virtual log files per database log.</summary>
internal sealed class SqlServerVlfCount : SqlServerHealthCheck
{
    public override string Id => "VLF_COUNT";

    public override string Title => "Too many virtual log files";

    public override string Category => "Performance";

    public override string Description => "Virtual log files in each database's log (sys.dm_db_log_info): 1000 warning, 5000 critical. Many small VLFs, from small autogrowth steps, slow down recovery, restores and log backups. On Azure SQL Database only the current database is read.";

    public override HealthThreshold DefaultThreshold => new(1000, 5000, "VLFs");

    public override string Sql => """
        SELECT d.name AS target, COUNT(*) AS measured
        FROM sys.databases AS d
        CROSS APPLY sys.dm_db_log_info(d.database_id) AS li
        WHERE d.state = 0 AND (CAST(SERVERPROPERTY('EngineEdition') AS int) <> 5 OR d.database_id = DB_ID())
        GROUP BY d.name;
        """;

    protected override string Describe(LiveRow row, double? measured) => $"{HealthThreshold.Format(measured ?? 0)} virtual log files.";

    protected override string Recommend(LiveRow row) => "After a log backup, shrink the log file once (DBCC SHRINKFILE) and grow it back in a few large steps; set its growth in MB (e.g. 8 GB).";
}
