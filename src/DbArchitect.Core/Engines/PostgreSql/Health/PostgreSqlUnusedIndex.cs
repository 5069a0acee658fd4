using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>UNUSED_INDEX: large indexes never scanned since statistics began, with how long that is.</summary>
internal sealed class PostgreSqlUnusedIndex : PostgreSqlHealthCheck
{
    public override string Id => "UNUSED_INDEX";

    public override string Title => "Unused large index";

    public override string Category => "Indexes";

    public override string Description => "Indexes of 10 MB or more with idx_scan = 0 that back no constraint. Each costs writes, WAL and cache. The statistics' age is part of the finding: under 7 days of statistics the row is Info, since a monthly report may still need the index. Replicas keep their own counts: check them too before dropping.";

    public override HealthThreshold DefaultThreshold => new(10, null, "MB");

    public override string Sql => $"""
        SELECT s.schemaname || '.' || s.indexrelname AS target, s.schemaname, s.indexrelname AS index_name,
               s.schemaname || '.' || s.relname AS table_name,
               round(pg_relation_size(s.indexrelid) / 1048576.0, 2) AS measured,
               round(extract(epoch FROM now() - coalesce(d.stats_reset, pg_postmaster_start_time())) / 86400.0, 1) AS stats_age_days
        FROM pg_stat_user_indexes s
        JOIN pg_index i ON i.indexrelid = s.indexrelid
        CROSS JOIN (SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()) d
        WHERE s.idx_scan = 0 AND NOT i.indisunique AND NOT i.indisprimary
          AND s.indexrelid NOT IN (SELECT k.conindid FROM pg_constraint k WHERE k.conindid <> 0)
        """;

    protected override HealthStatus StatusOf(LiveRow row, HealthStatus judged) =>
        judged == HealthStatus.Warning && row.Double("stats_age_days") < 7 ? HealthStatus.Info : judged;

    protected override string Describe(LiveRow row, double? measured) =>
        $"{HealthThreshold.Format(measured ?? 0)} MB on {row.String("table_name")}, not scanned once in {row.String("stats_age_days")} days of statistics.";

    protected override string Recommend(LiveRow row) => "Confirm on every replica (idx_scan there too) and over a full business cycle, then drop it.";

    protected override string? Fix(LiveRow row) => $"DROP INDEX CONCURRENTLY {PostgreSqlHealth.Qualified(row, "schemaname", "index_name")};";
}
