using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>COMPATIBILITY_LEVEL: databases below the server's own compatibility level.</summary>
internal sealed class SqlServerCompatibilityLevel : SqlServerHealthCheck
{
    public override string Id => "COMPATIBILITY_LEVEL";

    public override string Title => "Database compatibility level below the server's";

    public override string Category => "Performance";

    public override string Description => "User databases whose compatibility_level is below the server's (ProductMajorVersion × 10; 160 on Azure SQL Database): they miss the newer cardinality estimator and intelligent query processing. Info, since an older level is sometimes kept on purpose after an upgrade.";

    protected override HealthStatus FoundStatus => HealthStatus.Info;

    public override string Sql => """
        SELECT d.name AS target, d.compatibility_level AS compatibility_level, sl.server_level
        FROM sys.databases AS d
        CROSS APPLY (SELECT CASE WHEN CAST(SERVERPROPERTY('EngineEdition') AS int) = 5 THEN 160
                                 ELSE CAST(SERVERPROPERTY('ProductMajorVersion') AS int) * 10 END AS server_level) AS sl
        WHERE d.database_id > 4 AND d.compatibility_level < sl.server_level;
        """;

    protected override string Describe(LiveRow row, double? measured) => $"Compatibility level {row.String("compatibility_level")}; the server supports {row.String("server_level")}.";

    protected override string Recommend(LiveRow row) => "Raise it after testing with Query Store on (capture baselines, then ALTER DATABASE … SET COMPATIBILITY_LEVEL and watch regressions).";
}
