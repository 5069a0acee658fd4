using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>FREQUENT_STATEMENTS: single statements that take a large share of the database's total execution time.</summary>
internal sealed class PostgreSqlFrequentStatements : PostgreSqlHealthCheck
{
    public override string Id => "FREQUENT_STATEMENTS";

    public override string Title => "Statement dominating total time";

    public override string Category => "Performance";

    public override string Description => "Statements whose total execution time is 30 % or more (critical: 60 %) of all statements' time in this database (pg_stat_statements): fast queries called millions of times hide here, and one of them is where tuning pays most.";

    public override HealthThreshold DefaultThreshold => new(30, 60, "%");

    public override HealthPriority Priority => HealthPriority.Low;

    public override string Sql => """
        SELECT 'queryid ' || s.queryid AS target,
               round((100.0 * s.total_exec_time / nullif(sum(s.total_exec_time) OVER (), 0))::numeric, 1) AS measured,
               s.calls, round(s.mean_exec_time::numeric, 3) AS mean_ms, left(s.query, 200) AS query
        FROM pg_stat_statements s
        JOIN pg_database d ON d.oid = s.dbid
        WHERE d.datname = current_database()
        ORDER BY s.total_exec_time DESC
        LIMIT 20
        """;

    protected override string? SkipReason(HealthCheckContext context) => PostgreSqlHealth.HasExtension(context, "pg_stat_statements")
        ? null
        : "pg_stat_statements is not installed in this database.";

    protected override string Describe(LiveRow row, double? measured) =>
        $"{HealthThreshold.Format(measured ?? 0)} % of all execution time ({row.String("calls")} calls, mean {row.String("mean_ms")} ms): {row.String("query")}";

    protected override string Recommend(LiveRow row) => "Tune this statement first (index, fewer calls through caching or batching).";
}
