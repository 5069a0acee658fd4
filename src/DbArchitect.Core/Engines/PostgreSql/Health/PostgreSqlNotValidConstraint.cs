using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>NOT_VALID_CONSTRAINT: check and foreign key constraints added NOT VALID and never validated.</summary>
internal sealed class PostgreSqlNotValidConstraint : PostgreSqlHealthCheck
{
    public override string Id => "NOT_VALID_CONSTRAINT";

    public override string Title => "Constraint not validated";

    public override string Category => "Schema";

    public override string Description => "Constraints with convalidated = false: new rows are checked, old rows never were, and the planner cannot rely on them. Usually the forgotten second half of a zero-downtime migration.";

    public override string Sql => $"""
        SELECT n.nspname || '.' || t.relname || '.' || k.conname AS target, n.nspname AS schemaname, t.relname AS table_name,
               k.conname AS constraint_name, CASE k.contype WHEN 'f' THEN 'foreign key' ELSE 'check' END AS kind
        FROM pg_constraint k
        JOIN pg_class t ON t.oid = k.conrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE NOT k.convalidated AND k.contype IN ('c', 'f') AND {PostgreSqlHealth.UserSchema("n")}
        """;

    protected override string Describe(LiveRow row, double? measured) => $"The {row.String("kind")} constraint was added NOT VALID and never validated.";

    protected override string Recommend(LiveRow row) => "Validate it (takes only a SHARE UPDATE EXCLUSIVE lock); fix the rows it reports first.";

    protected override string? Fix(LiveRow row) =>
        $"ALTER TABLE {PostgreSqlHealth.Qualified(row, "schemaname", "table_name")} VALIDATE CONSTRAINT {PostgreSqlWriter.Id(row.String("constraint_name") ?? string.Empty)};";
}
