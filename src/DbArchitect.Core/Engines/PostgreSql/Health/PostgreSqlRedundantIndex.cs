using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>REDUNDANT_INDEX: a plain b-tree whose columns are the leading columns of another b-tree on the same table.</summary>
internal sealed class PostgreSqlRedundantIndex : PostgreSqlHealthCheck
{
    public override string Id => "REDUNDANT_INDEX";

    public override string Title => "Prefix-redundant index";

    public override string Category => "Indexes";

    public override string Description => "A non-unique b-tree on (a) when a b-tree on (a, b) exists: the longer index serves every lookup the shorter one does, at the cost of a slightly bigger index. Expression and partial indexes are left alone.";

    public override HealthPriority Priority => HealthPriority.Low;

    public override string Sql => $"""
        SELECT n.nspname || '.' || ci.relname AS target, n.nspname AS schemaname, ci.relname AS index_name,
               n.nspname || '.' || cl.relname AS covered_by, n.nspname || '.' || t.relname AS table_name,
               pg_relation_size(i.indexrelid) AS bytes
        FROM pg_index i
        JOIN pg_index l ON l.indrelid = i.indrelid AND l.indexrelid <> i.indexrelid
        JOIN pg_class ci ON ci.oid = i.indexrelid
        JOIN pg_class cl ON cl.oid = l.indexrelid
        JOIN pg_class t ON t.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        JOIN pg_am a ON a.oid = ci.relam AND a.amname = 'btree'
        WHERE {PostgreSqlHealth.UserSchema("n")} AND NOT i.indisunique AND NOT i.indisprimary
          AND cl.relam = ci.relam AND i.indexprs IS NULL AND l.indexprs IS NULL AND i.indpred IS NULL AND l.indpred IS NULL
          AND i.indnatts = i.indnkeyatts AND l.indnkeyatts > i.indnkeyatts
          AND (string_to_array(l.indkey::text, ' '))[1:i.indnkeyatts] = string_to_array(i.indkey::text, ' ')
          AND (string_to_array(l.indclass::text, ' '))[1:i.indnkeyatts] = string_to_array(i.indclass::text, ' ')
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"Its columns lead {row.String("covered_by")} on {row.String("table_name")} ({row.String("bytes")} bytes).";

    protected override string Recommend(LiveRow row) => "Drop it after confirming the longer index is valid and no query relies on this one's smaller size.";

    protected override string? Fix(LiveRow row) => $"DROP INDEX CONCURRENTLY {PostgreSqlHealth.Qualified(row, "schemaname", "index_name")};";
}
