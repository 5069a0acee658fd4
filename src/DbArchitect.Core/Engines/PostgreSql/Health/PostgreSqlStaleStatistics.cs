using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>
/// STALE_STATISTICS: rows modified since the last analyze as a share of the table, as far as the table bears them out.
/// PostgreSQL 15 keeps a session's counters in the session until it flushes them (up to a minute later, or when it
/// ends), and ANALYZE resets the shared counters without them: a session that loads rows and analyzes at once leaves
/// n_mod_since_analyze at the whole load once it flushes (and n_live_tup doubled when the load committed before the
/// ANALYZE), although the statistics describe the loaded table. So within the hour after an analyze a modification
/// counts only as far as the table shows it: its pages grew or shrank since (reltuples scaled to the current size, the
/// planner's own estimate), or its live rows fell below what the analyze saw.
/// </summary>
internal sealed class PostgreSqlStaleStatistics : PostgreSqlHealthCheck
{
    public override string Id => "STALE_STATISTICS";

    public override string Title => "Stale statistics";

    public override string Category => "Statistics";

    public override string Description => "n_mod_since_analyze as a % of the table's rows, for analyzed tables with at least 1,000 modifications. Autoanalyze's default trigger is 10 %; past 20 % it is behind and estimates drift, past 50 % plans are built on a different table. Within an hour of an ANALYZE, modifications count only as far as the table shows them (its size changed since, or its live rows fell below what the analyze saw): a session that loads rows and analyzes before its counters are flushed leaves them counted after the ANALYZE, so a freshly analyzed table is not reported (same-size churn such as HOT updates waits for the hour to pass). A table analyzed within the hour that autovacuum will analyze again is at most a Warning; Critical is for tables nothing will re-analyze (autovacuum off) or whose last analyze is older.";

    public override HealthThreshold DefaultThreshold => new(20, 50, "%");

    // rows_in_table: reltuples scaled by the current pages over the pages at analyze (the planner's estimate). Right
    // after an analyze, modifications beyond what the table shows were counted before the analyze saw them.
    public override string Sql => $"""
        SELECT s.schemaname || '.' || s.relname AS target, s.schemaname, s.relname,
               round(100.0 * m.modified_rows / greatest(c.reltuples::numeric, least(s.n_live_tup, coalesce(r.rows_in_table, s.n_live_tup)), 1), 1) AS measured,
               m.modified_rows, s.n_mod_since_analyze AS counted_modifications,
               greatest(c.reltuples, 0)::bigint AS rows_at_analyze, s.n_live_tup AS live_rows_counted, round(r.rows_in_table) AS rows_in_table,
               a.last_analyzed, r.analyzed_recently, r.autoanalyze
        FROM pg_stat_user_tables s
        JOIN pg_class c ON c.oid = s.relid
        CROSS JOIN LATERAL (SELECT greatest(s.last_analyze, s.last_autoanalyze) AS last_analyzed) a
        CROSS JOIN LATERAL (
            SELECT a.last_analyzed > now() - interval '1 hour' AS analyzed_recently,
                   current_setting('autovacuum')::boolean AND NOT {PostgreSqlHealth.AutovacuumDisabledBy("c.reloptions")} AS autoanalyze,
                   CASE WHEN c.relpages > 0 AND c.reltuples >= 0
                        THEN c.reltuples::numeric * (pg_relation_size(c.oid) / current_setting('block_size')::numeric) / c.relpages END AS rows_in_table) r
        CROSS JOIN LATERAL (
            SELECT CASE WHEN r.analyzed_recently AND r.rows_in_table IS NOT NULL
                        THEN least(s.n_mod_since_analyze, round(greatest(abs(r.rows_in_table - c.reltuples::numeric), c.reltuples::numeric - s.n_live_tup)))
                        ELSE s.n_mod_since_analyze END::bigint AS modified_rows) m
        WHERE a.last_analyzed IS NOT NULL AND s.n_mod_since_analyze >= 1000 AND m.modified_rows >= 1000
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"{row.String("modified_rows")} rows modified since the last analyze ({HealthThreshold.Format(measured ?? 0)} % of the table){Pending(row)}.";

    protected override string Recommend(LiveRow row) => "ANALYZE the table; lower its autovacuum_analyze_scale_factor if it changes quickly.";

    protected override string? Fix(LiveRow row) => $"ANALYZE {PostgreSqlHealth.Qualified(row, "schemaname", "relname")};";

    /// <summary>Analyzed within the hour and autovacuum will analyze it again: it drifts, but nothing for a DBA to do today.</summary>
    protected override HealthStatus StatusOf(LiveRow row, HealthStatus judged) =>
        judged == HealthStatus.Critical && WillBeReanalyzed(row) ? HealthStatus.Warning : judged;

    private static bool WillBeReanalyzed(LiveRow row) => row.Boolean("analyzed_recently") == true && row.Boolean("autoanalyze") == true;

    private static string Pending(LiveRow row) =>
        WillBeReanalyzed(row) ? "; it was analyzed within the hour and autovacuum will analyze it again" : string.Empty;
}
