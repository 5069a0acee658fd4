using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>UNUSED_INDEX: nonclustered indexes with writes but no reads since the instance started.</summary>
internal sealed class SqlServerUnusedIndex : SqlServerHealthCheck
{
    public override string Id => "UNUSED_INDEX";

    public override string Title => "Unused large index";

    public override string Category => "Indexes";

    public override string Description => "Nonclustered, non-unique indexes of 10 MB or more with no seeks, scans or lookups in sys.dm_db_index_usage_stats since the instance started (sqlserver_start_time is evidence: the counters reset on restart).";

    public override HealthThreshold DefaultThreshold => new(10, null, "MB");

    public override string Sql => """
        SELECT OBJECT_SCHEMA_NAME(i.object_id) + N'.' + OBJECT_NAME(i.object_id) + N'.' + i.name AS target,
               CAST(SUM(ps.used_page_count) * 8 / 1024.0 AS decimal(18, 2)) AS measured,
               ISNULL(MAX(us.user_updates), 0) AS writes, (SELECT sqlserver_start_time FROM sys.dm_os_sys_info) AS stats_since
        FROM sys.indexes AS i
        JOIN sys.dm_db_partition_stats AS ps ON ps.object_id = i.object_id AND ps.index_id = i.index_id
        LEFT JOIN sys.dm_db_index_usage_stats AS us ON us.database_id = DB_ID() AND us.object_id = i.object_id AND us.index_id = i.index_id
        WHERE i.type = 2 AND i.is_unique = 0 AND i.is_primary_key = 0 AND OBJECTPROPERTY(i.object_id, 'IsMsShipped') = 0
          AND ISNULL(us.user_seeks, 0) + ISNULL(us.user_scans, 0) + ISNULL(us.user_lookups, 0) = 0
        GROUP BY i.object_id, i.name;
        """;

    protected override string Describe(LiveRow row, double? measured) => $"{HealthThreshold.Format(measured ?? 0)} MB, {row.String("writes")} writes and no reads since {row.String("stats_since")}.";

    protected override string Recommend(LiveRow row) => "Confirm over a full business cycle (and on readable secondaries), disable it, then drop it.";
}
