using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>SLOW_STATEMENTS: statements of this database whose mean execution time is high (pg_stat_statements).</summary>
internal sealed class PostgreSqlSlowStatements : PostgreSqlHealthCheck
{
    public override string Id => "SLOW_STATEMENTS";

    public override string Title => "Slow statement";

    public override string Category => "Performance";

    public override string Description => "The 20 statements of this database with the highest mean execution time, among those called at least 10 times, from pg_stat_statements: warning at 500 ms, critical at 5 s. Skipped when the extension is not installed in the database (it is never created without -AllowExtensionCreate).";

    public override HealthThreshold DefaultThreshold => new(500, 5000, "ms");

    public override string Sql => """
        SELECT 'queryid ' || s.queryid AS target, round(s.mean_exec_time::numeric, 1) AS measured, s.calls,
               round(s.total_exec_time::numeric, 0) AS total_ms, s.rows, left(s.query, 200) AS query
        FROM pg_stat_statements s
        JOIN pg_database d ON d.oid = s.dbid
        WHERE d.datname = current_database() AND s.calls >= 10
        ORDER BY s.mean_exec_time DESC
        LIMIT 20
        """;

    protected override string? SkipReason(HealthCheckContext context) => PostgreSqlHealth.HasExtension(context, "pg_stat_statements")
        ? null
        : "pg_stat_statements is not installed in this database (CREATE EXTENSION pg_stat_statements; it must also be in shared_preload_libraries).";

    protected override string Describe(LiveRow row, double? measured) =>
        $"Mean {HealthThreshold.Format(measured ?? 0)} ms over {row.String("calls")} calls: {row.String("query")}";

    protected override string Recommend(LiveRow row) => "EXPLAIN (ANALYZE, BUFFERS) it; Get-IndexRecommendation suggests indexes for it.";
}
