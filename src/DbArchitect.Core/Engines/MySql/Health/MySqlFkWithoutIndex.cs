using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>
/// FK_WITHOUT_INDEX: a foreign key whose columns lead no index of its table. InnoDB creates that index with the key
/// and refuses to drop it, except under foreign_key_checks = 0 (a bulk load or a migration tool), which lets it go.
/// </summary>
internal sealed class MySqlFkWithoutIndex : MySqlHealthCheck
{
    public override string Id => "FK_WITHOUT_INDEX";

    public override string Title => "Foreign key without a supporting index";

    public override string Category => "Indexes";

    public override string Description => "Foreign keys of the current database whose columns are not the leading columns of any index on the child table. InnoDB needs that index (it creates one with the key and refuses to drop it) but allows the drop under foreign_key_checks = 0: every DELETE or key UPDATE on the parent then scans and locks the whole child table, and a later ALTER of the table fails with error 1215/1822 until the index is back.";

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => $"""
        WITH fk AS ({MySqlForeignKeyCatalog.Sql}),
        ix AS (
          SELECT table_name, index_name, GROUP_CONCAT(column_name ORDER BY seq_in_index SEPARATOR ',') AS cols
          FROM information_schema.statistics WHERE table_schema = DATABASE()
          GROUP BY table_name, index_name)
        SELECT CONCAT(fk.table_name, '.', fk.constraint_name) AS target, fk.table_name, fk.constraint_name, fk.cols AS columns, fk.referenced_table_name
        FROM fk
        WHERE NOT EXISTS (SELECT 1 FROM ix WHERE ix.table_name = fk.table_name
                          AND CONCAT(ix.cols, ',') LIKE CONCAT(REPLACE(REPLACE(fk.cols, '_', '\\_'), '%', '\\%'), ',%'))
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"No index leads with ({row.String("columns")}), the foreign key to {row.String("referenced_table_name")}: every delete or key update on the parent scans {row.String("table_name")}.";

    protected override string Recommend(LiveRow row) => "Add the index back (online: ALGORITHM=INPLACE, LOCK=NONE).";

    protected override string? Fix(LiveRow row) =>
        $"ALTER TABLE {MySqlHealth.Table(row)} ADD INDEX {MySqlWriter.Id(IndexName(row.String("constraint_name") ?? "fk"))} ({MySqlWriter.IdList((row.String("columns") ?? string.Empty).Split(','))}), ALGORITHM=INPLACE, LOCK=NONE;";

    /// <summary>The constraint's name with _idx, within MySQL's 64-character identifier limit.</summary>
    private static string IndexName(string constraint) => (constraint.Length > 60 ? constraint[..60] : constraint) + "_idx";
}
