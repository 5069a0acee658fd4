using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>DISABLED_TRIGGER: triggers switched off, including the internal ones that enforce foreign keys.</summary>
internal sealed class PostgreSqlDisabledTrigger : PostgreSqlHealthCheck
{
    public override string Id => "DISABLED_TRIGGER";

    public override string Title => "Disabled trigger";

    public override string Category => "Schema";

    public override string Description => "Triggers with tgenabled = 'D'. A disabled user trigger silently skips its audit or derived-data work; a disabled internal trigger (ALTER TABLE … DISABLE TRIGGER ALL) means a foreign key is not enforced, which is critical.";

    public override string Sql => $"""
        SELECT n.nspname || '.' || c.relname || '.' || g.tgname AS target, n.nspname AS schemaname, c.relname AS table_name,
               g.tgname AS trigger_name, g.tgisinternal AS internal
        FROM pg_trigger g
        JOIN pg_class c ON c.oid = g.tgrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE g.tgenabled = 'D' AND {PostgreSqlHealth.UserSchema("n")}
        """;

    protected override HealthStatus StatusOf(LiveRow row, HealthStatus judged) => row.Boolean("internal") == true ? HealthStatus.Critical : judged;

    protected override string Describe(LiveRow row, double? measured) => row.Boolean("internal") == true
        ? "An internal constraint trigger is disabled: a foreign key is not being enforced."
        : "The trigger is disabled; its work is silently skipped.";

    protected override string Recommend(LiveRow row) => "Enable it (ALTER TABLE … ENABLE TRIGGER) if it was disabled for a bulk load, after repairing the rows changed meanwhile; drop it if it is obsolete.";
}
