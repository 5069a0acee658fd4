using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>DEAD_TUPLES: the share of a table's rows that are dead and waiting for vacuum.</summary>
internal sealed class PostgreSqlDeadTuples : PostgreSqlHealthCheck
{
    public override string Id => "DEAD_TUPLES";

    public override string Title => "Dead tuples";

    public override string Category => "Vacuum";

    public override string Description => "n_dead_tup as a % of live plus dead rows, for tables with at least 1,000 dead rows. Autovacuum's default trigger is 20 % (autovacuum_vacuum_scale_factor 0.2), so 20 % means it is behind; 50 % is critical.";

    public override HealthThreshold DefaultThreshold => new(20, 50, "%");

    public override string Sql => """
        SELECT schemaname || '.' || relname AS target, schemaname, relname,
               round(100.0 * n_dead_tup / greatest(n_live_tup + n_dead_tup, 1), 1) AS measured,
               n_dead_tup AS dead_rows, n_live_tup AS live_rows, last_vacuum, last_autovacuum
        FROM pg_stat_user_tables
        WHERE n_dead_tup >= 1000
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"{row.String("dead_rows")} dead rows against {row.String("live_rows")} live ({HealthThreshold.Format(measured ?? 0)} %); last autovacuum {row.String("last_autovacuum") ?? "never"}.";

    protected override string Recommend(LiveRow row) => "VACUUM the table now; then lower its autovacuum_vacuum_scale_factor or raise autovacuum_vacuum_cost_limit so autovacuum keeps up.";

    protected override string? Fix(LiveRow row) => $"VACUUM (ANALYZE) {PostgreSqlHealth.Qualified(row, "schemaname", "relname")};";
}
