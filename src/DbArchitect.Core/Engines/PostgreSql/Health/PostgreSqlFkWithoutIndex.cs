using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>FK_WITHOUT_INDEX: foreign keys whose referencing columns lead no index.</summary>
internal sealed class PostgreSqlFkWithoutIndex : PostgreSqlHealthCheck
{
    public override string Id => "FK_WITHOUT_INDEX";

    public override string Title => "Foreign key without an index";

    public override string Category => "Indexes";

    public override string Description => "A foreign key whose columns are not the leading columns (in any order) of a valid, non-partial index on the referencing table. Every delete or key update of the parent then scans the child table under lock, and joins from parent to child cannot use an index. PostgreSQL, unlike MySQL, never creates this index itself.";

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => $"""
        SELECT n.nspname || '.' || t.relname || '.' || c.conname AS target, n.nspname AS schemaname, t.relname AS table_name,
               c.conname AS constraint_name, greatest(t.reltuples, 0)::bigint AS table_rows,
               c.confrelid::regclass::text AS referenced_table,
               ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
        FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE c.contype = 'f' AND {PostgreSqlHealth.UserSchema("n")}
          AND NOT EXISTS (
            SELECT 1 FROM pg_index i
            WHERE i.indrelid = c.conrelid AND i.indisvalid AND i.indpred IS NULL
              AND (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] @> c.conkey
              AND cardinality((string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)]) = cardinality(c.conkey))
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"Foreign key {row.String("constraint_name")} ({string.Join(", ", row.Strings("columns"))}) → {row.String("referenced_table")} has no index; {row.String("table_name")} has {row.String("table_rows")} rows.";

    protected override string Recommend(LiveRow row) => "Create an index on the foreign key's columns (CONCURRENTLY on a live table).";

    protected override string? Fix(LiveRow row) =>
        $"CREATE INDEX CONCURRENTLY ON {PostgreSqlHealth.Qualified(row, "schemaname", "table_name")} ({PostgreSqlWriter.IdList(row.Strings("columns"))});";
}
