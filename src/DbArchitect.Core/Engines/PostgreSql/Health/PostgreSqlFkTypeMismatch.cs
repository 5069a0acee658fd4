using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>FK_TYPE_MISMATCH: a foreign key column whose type differs from the key it references (int → bigint).</summary>
internal sealed class PostgreSqlFkTypeMismatch : PostgreSqlHealthCheck
{
    public override string Id => "FK_TYPE_MISMATCH";

    public override string Title => "Foreign key type differs from the referenced key";

    public override string Category => "Schema";

    public override string Description => "A referencing column of another type than the referenced one (integer → bigint, varchar(50) → text). Joins need casts, and the narrower side overflows first: the parent's bigint ids outgrow an integer child column.";

    public override HealthPriority Priority => HealthPriority.Low;

    public override string Sql => $"""
        SELECT n.nspname || '.' || t.relname || '.' || c.conname AS target, a.attname AS column_name,
               format_type(a.atttypid, a.atttypmod) AS column_type, format_type(r.atttypid, r.atttypmod) AS referenced_type,
               c.confrelid::regclass::text AS referenced_table
        FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        CROSS JOIN LATERAL unnest(c.conkey, c.confkey) AS k(attnum, refnum)
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
        JOIN pg_attribute r ON r.attrelid = c.confrelid AND r.attnum = k.refnum
        WHERE c.contype = 'f' AND {PostgreSqlHealth.UserSchema("n")}
          AND (a.atttypid <> r.atttypid OR a.atttypmod <> r.atttypmod)
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"Column {row.String("column_name")} is {row.String("column_type")} but references {row.String("referenced_table")} {row.String("referenced_type")}.";

    protected override string Recommend(LiveRow row) => "Change the referencing column to the referenced column's type in a planned migration (it rewrites the table).";
}
