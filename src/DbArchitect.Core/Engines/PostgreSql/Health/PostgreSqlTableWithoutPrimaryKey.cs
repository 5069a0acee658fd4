using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>TABLE_WITHOUT_PK: tables with no primary key.</summary>
internal sealed class PostgreSqlTableWithoutPrimaryKey : PostgreSqlHealthCheck
{
    public override string Id => "TABLE_WITHOUT_PK";

    public override string Title => "Table without a primary key";

    public override string Category => "Schema";

    public override string Description => "Ordinary and partitioned tables without a primary key. Duplicate rows cannot be told apart or fixed, logical replication cannot replicate their UPDATEs and DELETEs (no replica identity), and ORMs misbehave.";

    public override string Sql => $"""
        SELECT n.nspname || '.' || c.relname AS target, greatest(c.reltuples, 0)::bigint AS table_rows,
               EXISTS (SELECT 1 FROM pg_index u WHERE u.indrelid = c.oid AND u.indisunique) AS has_unique_index
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND {PostgreSqlHealth.UserSchema("n")}
          AND {PostgreSqlHealth.NotExtensionMember("pg_class", "c.oid")}
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p')
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        row.Boolean("has_unique_index") == true
            ? $"No primary key ({row.String("table_rows")} rows); a unique index exists that could become one."
            : $"No primary key and no unique index ({row.String("table_rows")} rows).";

    protected override string Recommend(LiveRow row) => "Add a primary key (an identity column if nothing natural exists); promote an existing unique index with ADD CONSTRAINT … PRIMARY KEY USING INDEX.";
}
