using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>AUTOVACUUM_DISABLED: a table (or its TOAST table) opted out of autovacuum by a storage parameter.</summary>
internal sealed class PostgreSqlAutovacuumDisabled : PostgreSqlHealthCheck
{
    public override string Id => "AUTOVACUUM_DISABLED";

    public override string Title => "Autovacuum disabled on a table";

    public override string Category => "Vacuum";

    public override string Description => "Tables with autovacuum_enabled = false (or toast.autovacuum_enabled = false): they bloat, their statistics go stale, and they only get the emergency anti-wraparound vacuum.";

    public override string Sql => $"""
        SELECT n.nspname || '.' || c.relname AS target, n.nspname AS schemaname, c.relname,
               array_to_string(c.reloptions || coalesce(t.reloptions, ARRAY[]::text[]), ', ') AS reloptions
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
        WHERE c.relkind IN ('r', 'm', 'p') AND {PostgreSqlHealth.UserSchema("n")}
          AND ({PostgreSqlHealth.AutovacuumDisabledBy("c.reloptions")} OR {PostgreSqlHealth.AutovacuumDisabledBy("t.reloptions")})
        """;

    protected override string Describe(LiveRow row, double? measured) => $"Autovacuum is switched off for this table ({row.String("reloptions")}).";

    protected override string Recommend(LiveRow row) => "Reset the storage parameter; tune autovacuum_vacuum_cost_delay or the scale factors for the table instead of switching it off.";

    protected override string? Fix(LiveRow row) =>
        $"ALTER TABLE {PostgreSqlHealth.Qualified(row, "schemaname", "relname")} RESET (autovacuum_enabled, toast.autovacuum_enabled);";
}
