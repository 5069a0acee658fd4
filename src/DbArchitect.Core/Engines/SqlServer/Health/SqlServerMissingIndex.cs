using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>MISSING_INDEX: the optimizer's missing-index suggestions for the current database, by estimated improvement.</summary>
internal sealed class SqlServerMissingIndex : SqlServerHealthCheck
{
    public override string Id => "MISSING_INDEX";

    public override string Title => "Missing index with a large estimated benefit";

    public override string Category => "Indexes";

    public override string Description => "Missing-index DMVs (sys.dm_db_missing_index_details, _groups, _group_stats) of the current database, measured as avg_total_user_cost × avg_user_impact × (seeks + scans), the usual improvement measure: 100000 warning, 10000000 critical. The suggestions forget overlapping indexes and column order: Get-IndexRecommendation merges them with the workload.";

    public override HealthThreshold DefaultThreshold => new(100000, 10000000, "improvement");

    public override string Sql => """
        SELECT mid.statement + N' (' + ISNULL(mid.equality_columns, N'') + CASE WHEN mid.inequality_columns IS NULL THEN N'' ELSE N' | ' + mid.inequality_columns END + N')' AS target,
               mid.included_columns, migs.user_seeks, migs.user_scans, migs.avg_user_impact,
               CAST(migs.avg_total_user_cost * migs.avg_user_impact * (migs.user_seeks + migs.user_scans) AS decimal(19, 0)) AS measured
        FROM sys.dm_db_missing_index_details AS mid
        JOIN sys.dm_db_missing_index_groups AS mig ON mig.index_handle = mid.index_handle
        JOIN sys.dm_db_missing_index_group_stats AS migs ON migs.group_handle = mig.index_group_handle
        WHERE mid.database_id = DB_ID();
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"Estimated improvement {HealthThreshold.Format(measured ?? 0)} ({row.String("user_seeks")} seeks, {row.String("user_scans")} scans, {row.String("avg_user_impact")} % cost reduction).";

    protected override string Recommend(LiveRow row) => "Run Get-IndexRecommendation -Engine sqlserver against this database: it merges these suggestions with the workload and the existing indexes.";
}
