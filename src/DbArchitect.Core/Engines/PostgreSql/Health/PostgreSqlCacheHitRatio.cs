using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>CACHE_HIT_RATIO: the share of block reads of this database served from shared buffers.</summary>
internal sealed class PostgreSqlCacheHitRatio : PostgreSqlHealthCheck
{
    public override string Id => "CACHE_HIT_RATIO";

    public override string Title => "Cache hit ratio";

    public override string Category => "Performance";

    public override string Description => "blks_hit ÷ (blks_hit + blks_read) of the current database since statistics were reset, once 10,000 blocks have been read. An OLTP working set should be ≥ 99 % in cache; below 95 % queries wait on storage, below 90 % memory is far too small for the working set.";

    public override HealthThreshold DefaultThreshold => new(95, 90, "%", LowerIsWorse: true);

    public override string Sql => """
        SELECT datname AS target, round(100.0 * blks_hit / (blks_hit + blks_read), 2) AS measured, blks_hit, blks_read, stats_reset
        FROM pg_stat_database
        WHERE datname = current_database() AND blks_hit + blks_read >= 10000
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"{HealthThreshold.Format(measured ?? 0)} % of block reads hit shared buffers ({row.String("blks_read")} read from storage).";

    protected override string Recommend(LiveRow row) => "Raise shared_buffers (about 25 % of RAM) or add memory; look for sequential scans of big tables that an index would avoid.";
}
