using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>INVALID_INDEX: indexes left invalid by a failed CREATE INDEX CONCURRENTLY or REINDEX.</summary>
internal sealed class PostgreSqlInvalidIndex : PostgreSqlHealthCheck
{
    public override string Id => "INVALID_INDEX";

    public override string Title => "Invalid index";

    public override string Category => "Indexes";

    public override string Description => "pg_index.indisvalid = false: the planner never uses the index but every write still maintains it; an invalid unique index enforces nothing reliable.";

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => $"""
        SELECT n.nspname || '.' || c.relname AS target, n.nspname AS schemaname, c.relname AS index_name,
               n.nspname || '.' || t.relname AS table_name, i.indisunique AS is_unique
        FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid
        JOIN pg_class t ON t.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE NOT i.indisvalid AND {PostgreSqlHealth.UserSchema("n")}
        """;

    protected override string Describe(LiveRow row, double? measured) => $"Index on {row.String("table_name")} is invalid (a failed concurrent build or reindex).";

    protected override string Recommend(LiveRow row) => "Rebuild it with REINDEX INDEX CONCURRENTLY, or drop it if it is not needed.";

    protected override string? Fix(LiveRow row) => $"REINDEX INDEX CONCURRENTLY {PostgreSqlHealth.Qualified(row, "schemaname", "index_name")};";
}
