using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>NEVER_VACUUMED: sizeable tables neither vacuumed nor autovacuumed since statistics began.</summary>
internal sealed class PostgreSqlNeverVacuumed : PostgreSqlHealthCheck
{
    public override string Id => "NEVER_VACUUMED";

    public override string Title => "Never vacuumed";

    public override string Category => "Vacuum";

    public override string Description => "Tables with at least 10,000 rows that have never been vacuumed (manually or by autovacuum) since the statistics were reset: their visibility map is empty, so index-only scans cannot work and the first freeze will be expensive.";

    public override HealthPriority Priority => HealthPriority.Low;

    public override string Sql => """
        SELECT schemaname || '.' || relname AS target, schemaname, relname, n_live_tup AS live_rows, n_dead_tup AS dead_rows
        FROM pg_stat_user_tables
        WHERE last_vacuum IS NULL AND last_autovacuum IS NULL AND n_live_tup + n_dead_tup >= 10000
        """;

    protected override HealthStatus FoundStatus => HealthStatus.Info;

    protected override string Describe(LiveRow row, double? measured) => $"{row.String("live_rows")} rows and never vacuumed.";

    protected override string Recommend(LiveRow row) => "VACUUM it once; check that autovacuum is enabled for it.";

    protected override string? Fix(LiveRow row) => $"VACUUM (ANALYZE) {PostgreSqlHealth.Qualified(row, "schemaname", "relname")};";
}
