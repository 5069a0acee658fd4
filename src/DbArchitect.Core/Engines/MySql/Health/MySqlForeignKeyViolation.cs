using System.Diagnostics;
using System.Globalization;
using DbArchitect.Core.Health;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>
/// FOREIGN_KEY_VIOLATION (-Deep): child rows whose parent does not exist, left by loads or migrations run with
/// foreign_key_checks = 0 (InnoDB never re-checks existing rows). Each foreign key is scanned over at most
/// <see cref="RowBound"/> child rows, each looked up in the parent's index, within the run's -Deep budget; the finding
/// gives the count and one sample key.
/// </summary>
internal sealed class MySqlForeignKeyViolation : HealthCheck
{
    /// <summary>Child rows read per foreign key: a bounded scan, whatever the table's size.</summary>
    public const int RowBound = 1_000_000;

    public override string Id => "FOREIGN_KEY_VIOLATION";

    public override string Title => "Rows violating a foreign key";

    public override string Category => "Integrity";

    public override IReadOnlyList<string> Engines => MySqlHealth.Engines;

    public override string Description => "With -Deep: for each foreign key of the current database, the first 1,000,000 child rows with a non-NULL key are looked up in the parent (an index lookup each), within the -Deep time budget. Rows loaded with foreign_key_checks = 0 are never re-checked by InnoDB; an orphan breaks joins, reports and later cascades. The finding gives the count (of the rows scanned) and a sample child key.";

    public override string Needs => "SELECT on the child and parent tables";

    public override bool Deep => true;

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => $"""
        SELECT fk.*, (SELECT GROUP_CONCAT(s.column_name ORDER BY s.seq_in_index SEPARATOR ',') FROM information_schema.statistics s
                      WHERE s.table_schema = DATABASE() AND s.table_name = fk.table_name AND s.index_name = 'PRIMARY') AS pk_cols
        FROM ({MySqlForeignKeyCatalog.Sql}) fk
        ORDER BY fk.table_name, fk.constraint_name
        """;

    public override IEnumerable<HealthCheckResult> Run(HealthCheckContext context)
    {
        var keys = context.Query(Sql, Title);
        var clock = Stopwatch.StartNew();
        var results = new List<HealthCheckResult>();
        var scanned = 0;
        foreach (var key in keys)
        {
            if (clock.Elapsed > context.Options.DeepBudget)
            {
                break;
            }

            var table = key.String("table_name") ?? string.Empty;
            var constraint = key.String("constraint_name") ?? string.Empty;
            var cols = (key.String("cols") ?? string.Empty).Split(',');
            var refCols = (key.String("ref_cols") ?? string.Empty).Split(',');
            var pk = key.String("pk_cols") is { Length: > 0 } p ? p.Split(',') : cols;
            var row = context.Query(OrphanScan(table, cols, key.String("referenced_table_schema") ?? context.Database, key.String("referenced_table_name") ?? string.Empty, refCols, pk), $"Scanning {table} for orphans of {constraint}").Single();
            scanned++;
            var orphans = row.Int64("orphans") ?? 0;
            if (orphans == 0)
            {
                continue;
            }

            var read = row.Int64("rows_read") ?? 0;
            var bound = read >= RowBound ? $" (of the first {RowBound.ToString("N0", CultureInfo.InvariantCulture)} rows scanned)" : string.Empty;
            results.Add(context.Finding(this, HealthStatus.Warning, $"{table}.{constraint}",
                $"{orphans.ToString(CultureInfo.InvariantCulture)} row(s){bound} reference a missing {key.String("referenced_table_name")} row; sample: {string.Join(",", pk)} = {row.String("sample_key")} → ({string.Join(",", cols)}) = {row.String("sample_ref")}.",
                "Restore the missing parents or delete/repair the orphans, then find the load that ran with foreign_key_checks = 0.") with
            {
                Measured = orphans,
                Evidence = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    ["rows_scanned"] = read.ToString(CultureInfo.InvariantCulture),
                    ["sample_key"] = row.String("sample_key") ?? string.Empty,
                    ["sample_ref"] = row.String("sample_ref") ?? string.Empty,
                },
            });
        }

        if (results.Count > 0)
        {
            return results;
        }

        return scanned == keys.Count
            ? new[] { context.Pass(this, $"No orphans in {keys.Count} foreign key(s) (at most {RowBound.ToString("N0", CultureInfo.InvariantCulture)} child rows each).") }
            : new[] { context.Finding(this, HealthStatus.Info, context.Database, $"{scanned} of {keys.Count} foreign keys scanned within the {context.Options.DeepBudget.TotalSeconds:0} s budget; none had orphans.", "Raise the budget or run again at a quiet time to cover the rest.") };
    }

    /// <summary>
    /// One statement: the first <see cref="RowBound"/> child rows with a complete key, each probed in the parent.
    /// Rows with any NULL key column are not references (MATCH SIMPLE).
    /// </summary>
    private static string OrphanScan(string table, IReadOnlyList<string> cols, string refSchema, string refTable, IReadOnlyList<string> refCols, IReadOnlyList<string> pk)
    {
        var selected = pk.Concat(cols).Distinct(StringComparer.Ordinal).ToList();
        var notNull = string.Join(" AND ", cols.Select(c => $"{MySqlWriter.Id(c)} IS NOT NULL"));
        var match = string.Join(" AND ", cols.Select((c, i) => $"p.{MySqlWriter.Id(refCols[i])} = c.{MySqlWriter.Id(c)}"));
        var parent = $"{MySqlWriter.Id(refSchema)}.{MySqlWriter.Id(refTable)}";
        return $"""
            SELECT COUNT(*) AS rows_read, COALESCE(SUM(o.orphan), 0) AS orphans,
                   MIN(CASE WHEN o.orphan THEN o.child_key END) AS sample_key, MIN(CASE WHEN o.orphan THEN o.child_ref END) AS sample_ref
            FROM (SELECT CONCAT_WS(',', {string.Join(", ", pk.Select(c => "c." + MySqlWriter.Id(c)))}) AS child_key,
                         CONCAT_WS(',', {string.Join(", ", cols.Select(c => "c." + MySqlWriter.Id(c)))}) AS child_ref,
                         NOT EXISTS (SELECT 1 FROM {parent} p WHERE {match}) AS orphan
                  FROM (SELECT {MySqlWriter.IdList(selected)} FROM {MySqlWriter.Id(table)} WHERE {notNull} LIMIT {RowBound.ToString(CultureInfo.InvariantCulture)}) c) o
            """;
    }
}
