using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>DUPLICATE_INDEX: two indexes of a table over the same columns (and prefix lengths) with the same type.</summary>
internal sealed class MySqlDuplicateIndex : MySqlHealthCheck
{
    public override string Id => "DUPLICATE_INDEX";

    public override string Title => "Duplicate index";

    public override string Category => "Indexes";

    public override string Description => "An index with the same columns, prefix lengths and type as another on the same table. The one reported is the one to drop: the non-unique one, or the later by name of two alike; PRIMARY is never reported.";

    public override string Sql => """
        WITH ix AS (
          SELECT table_name, index_name, MIN(non_unique) AS non_unique, MIN(index_type) AS index_type,
                 GROUP_CONCAT(CONCAT(column_name, COALESCE(CONCAT('(', sub_part, ')'), '')) ORDER BY seq_in_index SEPARATOR ',') AS cols
          FROM information_schema.statistics WHERE table_schema = DATABASE()
          GROUP BY table_name, index_name)
        SELECT CONCAT(a.table_name, '.', a.index_name) AS target, a.table_name, a.index_name, b.index_name AS duplicate_of, a.cols AS columns
        FROM ix a JOIN ix b ON b.table_name = a.table_name AND b.index_name <> a.index_name AND b.cols = a.cols AND b.index_type = a.index_type
        WHERE a.index_name <> 'PRIMARY'
          AND ((a.non_unique = 1 AND b.non_unique = 0) OR b.index_name = 'PRIMARY' OR (a.non_unique = b.non_unique AND a.index_name > b.index_name))
        """;

    protected override string Describe(LiveRow row, double? measured) => $"Same columns ({row.String("columns")}) as {row.String("duplicate_of")}.";

    protected override string Recommend(LiveRow row) => "Drop this index; the other serves every query it serves.";

    protected override string? Fix(LiveRow row) =>
        $"ALTER TABLE {MySqlHealth.Table(row)} DROP INDEX {MySqlWriter.Id(row.String("index_name") ?? string.Empty)};";
}
