using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.Sqlite.Health;

/// <summary>FK_WITHOUT_INDEX: foreign keys whose first column leads no index of the child table.</summary>
internal sealed class SqliteFkWithoutIndex : SqliteHealthCheck
{
    public override string Id => "FK_WITHOUT_INDEX";

    public override string Title => "Foreign key without an index";

    public override string Category => "Indexes";

    public override string Description => "Foreign keys whose first column is not the first column of an index on the child table. With foreign_keys on, every delete or key update of the parent scans the whole child table.";

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => $"""
        WITH fk AS (
          SELECT m.name AS table_name, f.id AS fk_id, f."table" AS referenced_table, group_concat(f."from", ', ') AS columns,
                 min(CASE WHEN f.seq = 0 THEN f."from" END) AS first_column
          FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f
          WHERE {SqliteHealth.UserTable("m")}
          GROUP BY m.name, f.id)
        SELECT table_name || '.fk' || fk_id AS target, table_name, referenced_table, columns, first_column
        FROM fk
        WHERE NOT EXISTS (
          SELECT 1 FROM pragma_index_list(fk.table_name) il JOIN pragma_index_info(il.name) ii
          WHERE ii.seqno = 0 AND ii.name = fk.first_column)
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"Foreign key ({row.String("columns")}) → {row.String("referenced_table")} has no index.";

    protected override string Recommend(LiveRow row) => "Create an index on the foreign key's columns.";

    protected override string? Fix(LiveRow row) =>
        $"CREATE INDEX {SqliteWriter.Id((row.String("table_name") ?? string.Empty) + "_" + (row.String("first_column") ?? string.Empty) + "_fk_idx")} ON {SqliteWriter.Id(row.String("table_name") ?? string.Empty)} ({SqliteWriter.Id(row.String("first_column") ?? string.Empty)});";
}
