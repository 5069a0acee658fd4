using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>NEVER_ANALYZED: tables with rows but no statistics, so the planner guesses their size and selectivity.</summary>
internal sealed class PostgreSqlNeverAnalyzed : PostgreSqlHealthCheck
{
    public override string Id => "NEVER_ANALYZED";

    public override string Title => "Never analyzed";

    public override string Category => "Statistics";

    public override string Description => "Tables holding rows that have never been analyzed, manually or by autovacuum. Without statistics the planner assumes default row counts and selectivities and picks bad plans (nested loops over big tables).";

    public override string Sql => """
        SELECT schemaname || '.' || relname AS target, schemaname, relname, n_live_tup AS live_rows, n_mod_since_analyze AS modified_rows
        FROM pg_stat_user_tables
        WHERE last_analyze IS NULL AND last_autoanalyze IS NULL AND (n_live_tup > 0 OR n_mod_since_analyze > 0)
        """;

    protected override string Describe(LiveRow row, double? measured) => $"{row.String("live_rows")} rows and no statistics ({row.String("modified_rows")} rows modified).";

    protected override string Recommend(LiveRow row) => "ANALYZE the table, and after bulk loads always.";

    protected override string? Fix(LiveRow row) => $"ANALYZE {PostgreSqlHealth.Qualified(row, "schemaname", "relname")};";
}
