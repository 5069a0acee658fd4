using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>STALE_STATISTICS: rows modified since the last analyze as a share of the table.</summary>
internal sealed class PostgreSqlStaleStatistics : PostgreSqlHealthCheck
{
    public override string Id => "STALE_STATISTICS";

    public override string Title => "Stale statistics";

    public override string Category => "Statistics";

    public override string Description => "n_mod_since_analyze as a % of the table's rows, for analyzed tables with at least 1,000 modifications. Autoanalyze's default trigger is 10 %; past 20 % it is behind and estimates drift, past 50 % plans are built on a different table.";

    public override HealthThreshold DefaultThreshold => new(20, 50, "%");

    public override string Sql => """
        SELECT s.schemaname || '.' || s.relname AS target, s.schemaname, s.relname,
               round(100.0 * s.n_mod_since_analyze / greatest(c.reltuples, s.n_live_tup, 1)::numeric, 1) AS measured,
               s.n_mod_since_analyze AS modified_rows, greatest(c.reltuples, 0)::bigint AS rows_at_analyze,
               coalesce(greatest(s.last_analyze, s.last_autoanalyze), least(s.last_analyze, s.last_autoanalyze)) AS last_analyzed
        FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
        WHERE (s.last_analyze IS NOT NULL OR s.last_autoanalyze IS NOT NULL) AND s.n_mod_since_analyze >= 1000
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"{row.String("modified_rows")} rows modified since the last analyze ({HealthThreshold.Format(measured ?? 0)} % of the table).";

    protected override string Recommend(LiveRow row) => "ANALYZE the table; lower its autovacuum_analyze_scale_factor if it changes quickly.";

    protected override string? Fix(LiveRow row) => $"ANALYZE {PostgreSqlHealth.Qualified(row, "schemaname", "relname")};";
}
