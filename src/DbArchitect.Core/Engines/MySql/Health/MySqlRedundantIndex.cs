using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>REDUNDANT_INDEX: a non-unique B-tree whose columns lead another B-tree of the same table.</summary>
internal sealed class MySqlRedundantIndex : MySqlHealthCheck
{
    public override string Id => "REDUNDANT_INDEX";

    public override string Title => "Prefix-redundant index";

    public override string Category => "Indexes";

    public override string Description => "A non-unique B-tree on (a) next to one on (a, b): the longer serves every lookup of the shorter. (InnoDB also appends the primary key to every secondary index, so an index ending in the primary key columns is often redundant too; that case is left to review.)";

    public override Core.Health.HealthPriority Priority => Core.Health.HealthPriority.Low;

    public override string Sql => """
        WITH ix AS (
          SELECT table_name, index_name, MIN(non_unique) AS non_unique, MIN(index_type) AS index_type,
                 GROUP_CONCAT(CONCAT(column_name, COALESCE(CONCAT('(', sub_part, ')'), '')) ORDER BY seq_in_index SEPARATOR ',') AS cols
          FROM information_schema.statistics WHERE table_schema = DATABASE()
          GROUP BY table_name, index_name)
        SELECT CONCAT(a.table_name, '.', a.index_name) AS target, a.table_name, a.index_name, b.index_name AS covered_by, a.cols AS columns
        FROM ix a JOIN ix b ON b.table_name = a.table_name AND b.index_name <> a.index_name
        WHERE a.non_unique = 1 AND a.index_type = 'BTREE' AND b.index_type = 'BTREE'
          AND CONCAT(b.cols, ',') LIKE CONCAT(REPLACE(REPLACE(a.cols, '_', '\\_'), '%', '\\%'), ',%') AND b.cols <> a.cols
        """;

    protected override string Describe(LiveRow row, double? measured) => $"Its columns ({row.String("columns")}) lead {row.String("covered_by")}.";

    protected override string Recommend(LiveRow row) => "Drop it after confirming no query relies on its smaller size.";

    protected override string? Fix(LiveRow row) =>
        $"ALTER TABLE {MySqlHealth.Table(row)} DROP INDEX {MySqlWriter.Id(row.String("index_name") ?? string.Empty)};";
}
