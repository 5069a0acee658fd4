using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>INDEX_BLOAT: b-tree pages beyond what the entries need, estimated from row counts and key widths.</summary>
internal sealed class PostgreSqlIndexBloat : PostgreSqlHealthCheck
{
    public override string Id => "INDEX_BLOAT";

    public override string Title => "Index bloat (estimated)";

    public override string Category => "Indexes";

    public override string Description => "Estimated share of a b-tree's pages that are empty space, for plain-column b-trees of 1 MB or more: expected pages = rows × (key widths from pg_stats + 12 bytes of tuple header and line pointer) ÷ (usable page bytes × 90 % leaf fill). Warning 50 %, critical 80 %.";

    public override HealthThreshold DefaultThreshold => new(50, 80, "%");

    public override HealthPriority Priority => HealthPriority.Low;

    public override string Sql => Estimate(readCatalog: false);

    protected override string QueryFor(HealthCheckContext context) => Estimate(PostgreSqlHealth.CanReadStatistic(context));

    private static string Estimate(bool readCatalog) => $"""
        WITH stats AS MATERIALIZED ({PostgreSqlHealth.ColumnStatistics(readCatalog)}),
        keys AS (
          SELECT i.indexrelid, sum(stats.avg_width) AS width, count(stats.avg_width) AS found, count(*) AS wanted
          FROM pg_index i
          JOIN pg_class t ON t.oid = i.indrelid
          JOIN pg_namespace n ON n.oid = t.relnamespace
          CROSS JOIN LATERAL unnest(i.indkey) AS k(attnum)
          LEFT JOIN stats ON stats.relid = i.indrelid AND stats.attnum = k.attnum
          WHERE i.indexprs IS NULL AND {PostgreSqlHealth.UserSchema("n")}
          GROUP BY i.indexrelid)
        SELECT n.nspname || '.' || c.relname AS target, n.nspname AS schemaname, c.relname AS index_name, c.relpages AS pages,
               round((100.0 * greatest(c.relpages - e.expected, 0) / c.relpages)::numeric, 1) AS measured, e.expected::bigint AS expected_pages
        FROM keys
        JOIN pg_class c ON c.oid = keys.indexrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_am am ON am.oid = c.relam AND am.amname = 'btree'
        CROSS JOIN LATERAL (SELECT ceil(c.reltuples * (keys.width + 12) / ((current_setting('block_size')::int - 40) * 0.9)) + 1 AS expected) e
        WHERE keys.found = keys.wanted AND c.relpages >= 128 AND c.reltuples > 0
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"About {HealthThreshold.Format(measured ?? 0)} % of its {row.String("pages")} pages are empty space (entries need about {row.String("expected_pages")}).";

    protected override string Recommend(LiveRow row) => "Rebuild it with REINDEX INDEX CONCURRENTLY.";

    protected override string? Fix(LiveRow row) => $"REINDEX INDEX CONCURRENTLY {PostgreSqlHealth.Qualified(row, "schemaname", "index_name")};";
}
