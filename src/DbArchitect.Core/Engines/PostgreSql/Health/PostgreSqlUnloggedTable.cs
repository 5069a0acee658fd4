using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>UNLOGGED_TABLE: tables truncated after any crash and absent on replicas.</summary>
internal sealed class PostgreSqlUnloggedTable : PostgreSqlHealthCheck
{
    public override string Id => "UNLOGGED_TABLE";

    public override string Title => "Unlogged table";

    public override string Category => "Durability";

    public override string Description => "UNLOGGED tables skip WAL: they are emptied after a crash and do not exist on physical replicas or in base backups' WAL replay. Fine for caches and staging, surprising for anything else.";

    public override HealthPriority Priority => HealthPriority.Low;

    public override string Sql => $"""
        SELECT n.nspname || '.' || c.relname AS target, greatest(c.reltuples, 0)::bigint AS table_rows
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relpersistence = 'u' AND c.relkind IN ('r', 'p') AND {PostgreSqlHealth.UserSchema("n")}
        """;

    protected override HealthStatus FoundStatus => HealthStatus.Info;

    protected override string Describe(LiveRow row, double? measured) => $"Unlogged: its {row.String("table_rows")} rows are lost on a crash and missing on replicas.";

    protected override string Recommend(LiveRow row) => "Make it logged (ALTER TABLE … SET LOGGED) unless its contents can be rebuilt.";
}
