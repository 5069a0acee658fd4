using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>TABLE_BLOAT: heap pages beyond what the table's rows need, estimated from row counts and column widths.</summary>
internal sealed class PostgreSqlTableBloat : PostgreSqlHealthCheck
{
    public override string Id => "TABLE_BLOAT";

    public override string Title => "Table bloat (estimated)";

    public override string Category => "Vacuum";

    public override string Description => "Share of a table's space that holds no live row, for tables of 1 MB or more. By default an estimate that reads no table: expected pages = reltuples × (average row width from pg_stats + 28 bytes of header and line pointer) ÷ usable page bytes × fillfactor; ±10 % is noise, 50 % is real waste. With -Deep and the pgstattuple extension installed it is measured instead: pgstattuple_approx's free plus dead space (it reads the pages the visibility map does not vouch for).";

    public override HealthThreshold DefaultThreshold => new(50, 80, "%");

    public override HealthPriority Priority => HealthPriority.Low;

    public override string Sql => Estimate(readCatalog: false);

    private static string Estimate(bool readCatalog) => $"""
        WITH stats AS MATERIALIZED ({PostgreSqlHealth.ColumnStatistics(readCatalog)}),
        widths AS (SELECT relid, sum((1 - coalesce(null_frac, 0)) * coalesce(avg_width, 0)) AS width FROM stats GROUP BY relid)
        SELECT n.nspname || '.' || c.relname AS target, c.relpages AS pages, pg_relation_size(c.oid) AS bytes, 'estimate' AS method,
               round((100.0 * greatest(c.relpages - e.expected, 0) / c.relpages)::numeric, 1) AS measured, e.expected::bigint AS expected_pages
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN widths w ON w.relid = c.oid
        CROSS JOIN LATERAL (
          SELECT ceil(c.reltuples * (w.width + 28)
                 / ((current_setting('block_size')::int - 24)
                    * coalesce((SELECT substring(o FROM '\d+')::int FROM unnest(c.reloptions) o WHERE o LIKE 'fillfactor=%'), 100) / 100.0)) AS expected) e
        WHERE c.relkind = 'r' AND c.relpages >= 128 AND c.reltuples > 0 AND {PostgreSqlHealth.UserSchema("n")}
        """;

    /// <summary>The measured variant, for -Deep when pgstattuple is installed.</summary>
    public static string MeasuredSql => $"""
        SELECT n.nspname || '.' || c.relname AS target, c.relpages AS pages, pg_relation_size(c.oid) AS bytes, 'pgstattuple_approx' AS method,
               round((s.approx_free_percent + s.dead_tuple_percent)::numeric, 1) AS measured, round(s.scanned_percent::numeric, 1) AS scanned_percent
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        CROSS JOIN LATERAL pgstattuple_approx(c.oid) s
        WHERE c.relkind = 'r' AND c.relpages >= 128 AND {PostgreSqlHealth.UserSchema("n")}
        """;

    protected override string QueryFor(HealthCheckContext context) =>
        context.Options.Deep && PostgreSqlHealth.HasExtension(context, "pgstattuple") ? MeasuredSql : Estimate(PostgreSqlHealth.CanReadStatistic(context));

    protected override string Describe(LiveRow row, double? measured) => row.String("method") == "estimate"
        ? $"About {HealthThreshold.Format(measured ?? 0)} % of its {row.String("pages")} pages are empty space (live rows need about {row.String("expected_pages")})."
        : $"{HealthThreshold.Format(measured ?? 0)} % of its {row.String("pages")} pages is free or dead space (pgstattuple_approx).";

    protected override string Recommend(LiveRow row) => "Confirm with pgstattuple; reclaim with pg_repack (online) or VACUUM FULL (exclusive lock), then keep autovacuum ahead.";
}
