using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>DUPLICATE_INDEX: two indexes with the same method, columns, expressions, predicate, operator classes and collations.</summary>
internal sealed class PostgreSqlDuplicateIndex : PostgreSqlHealthCheck
{
    public override string Id => "DUPLICATE_INDEX";

    public override string Title => "Duplicate index";

    public override string Category => "Indexes";

    public override string Description => "An index identical to another on the same table. It doubles write cost and cache use for nothing. The one reported is the one to drop: the non-unique one, or the newer of two alike; primary keys are never reported.";

    public override string Sql => $"""
        SELECT n.nspname || '.' || ci.relname AS target, n.nspname AS schemaname, ci.relname AS index_name,
               n.nspname || '.' || cd.relname AS duplicate_of, n.nspname || '.' || t.relname AS table_name,
               pg_relation_size(i.indexrelid) AS bytes,
               EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) AS backs_constraint
        FROM pg_index i
        JOIN pg_index d ON d.indrelid = i.indrelid AND d.indexrelid <> i.indexrelid
        JOIN pg_class ci ON ci.oid = i.indexrelid
        JOIN pg_class cd ON cd.oid = d.indexrelid
        JOIN pg_class t ON t.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE {PostgreSqlHealth.UserSchema("n")} AND NOT i.indisprimary
          AND ci.relam = cd.relam
          AND i.indkey::text = d.indkey::text AND i.indclass::text = d.indclass::text AND i.indcollation::text = d.indcollation::text
          AND coalesce(pg_get_expr(i.indexprs, i.indrelid), '') = coalesce(pg_get_expr(d.indexprs, d.indrelid), '')
          AND coalesce(pg_get_expr(i.indpred, i.indrelid), '') = coalesce(pg_get_expr(d.indpred, d.indrelid), '')
          AND ((d.indisunique AND NOT i.indisunique) OR d.indisprimary
               OR (i.indisunique = d.indisunique AND i.indexrelid > d.indexrelid))
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"Same definition as {row.String("duplicate_of")} on {row.String("table_name")} ({row.String("bytes")} bytes).";

    protected override string Recommend(LiveRow row) => row.Boolean("backs_constraint") == true
        ? "Drop the constraint this index backs (or the other index) after checking nothing references it."
        : "Drop this index; the other serves every query it serves.";

    protected override string? Fix(LiveRow row) => row.Boolean("backs_constraint") == true
        ? null
        : $"DROP INDEX CONCURRENTLY {PostgreSqlHealth.Qualified(row, "schemaname", "index_name")};";
}
