using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using Index = DbArchitect.Core.Model.Index;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// InnoDB storage, as an estimate: 16 KB pages filled to about 15/16 on ordered inserts, rows stored in the clustered
/// primary key (record header 5 bytes + transaction id 6 + roll pointer 7), and every secondary index entry carrying
/// the primary key columns. Long TEXT/JSON/BLOB values move off-page (20-byte pointer left in the row).
/// </summary>
public sealed class MySqlCapacity : ICapacityModel
{
    private const int PageSize = 16384;
    private const double Fill = 15.0 / 16.0;
    private const int RowOverhead = 18;
    private const int IndexEntryOverhead = 6;
    private const int OffPageThreshold = 768;

    private readonly MySqlDialect _dialect;

    public MySqlCapacity(MySqlDialect dialect) => _dialect = dialect;

    public IReadOnlyList<string> Assumptions(TypicalValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new[]
        {
            $"{_dialect.Product} InnoDB: 16 KB pages filled to about 15/16 (ordered inserts; random inserts leave pages about half to 70% full), so every figure is an estimate.",
            "Rows live in the clustered primary key: 18 bytes per row (5-byte record header, 6-byte transaction id, 7-byte roll pointer) plus a null bitmap and 1–2 length bytes per variable column.",
            "Secondary index entries hold their key columns plus the primary key columns (a narrow primary key keeps every index small) and about 6 bytes of record header.",
            $"Values longer than {OffPageThreshold} bytes (TEXT, JSON, BLOB) move off-page, leaving a 20-byte pointer in the row.",
        };
    }

    public IReadOnlyList<TableSize> Measure(SchemaModel physical, Func<string, long> rowsOf, TypicalValues values)
    {
        ArgumentNullException.ThrowIfNull(physical);
        ArgumentNullException.ThrowIfNull(rowsOf);
        ArgumentNullException.ThrowIfNull(values);
        return physical.Tables.Select(t => MeasureTable(t, Math.Max(0, rowsOf(t.Name)), values)).ToArray();
    }

    private static TableSize MeasureTable(Table table, long rows, TypicalValues values)
    {
        var inRow = 0;
        var offPage = 0;
        foreach (var column in table.Columns)
        {
            var width = values.ExpectedWidth(column, t => Width(t, values));
            if (width > OffPageThreshold)
            {
                inRow += 20;
                offPage += width;
            }
            else
            {
                inRow += width + (IsVariable(column.Type) ? (width > 127 ? 2 : 1) : 0);
            }
        }

        var rowBytes = RowOverhead + ((table.Columns.Count + 7) / 8) + inRow;
        var perPage = Math.Max(1, (int)(PageSize * Fill / rowBytes));
        var heap = Pages(rows, perPage) * PageSize;
        var offPageBytes = offPage == 0 ? 0 : (long)Math.Ceiling(rows * (double)offPage / PageSize) * PageSize;
        var primaryKeyBytes = table.PrimaryKey.Columns.Sum(c => KeyWidth(table, c, values));
        var indexes = table.UniqueKeys.Select(u => Secondary(u.Name, u.Columns, table, primaryKeyBytes, rows, values))
            .Concat(table.Indexes.Select(i => Secondary(i, table, primaryKeyBytes, rows, values)))
            .ToArray();
        var basis = string.Create(CultureInfo.InvariantCulture,
            $"{rowBytes}-byte row in the clustered primary key ({RowOverhead} bytes of InnoDB overhead): about {perPage} rows per 16 KB page at 15/16 fill")
            + (offPage > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {offPage} bytes per row off-page") : string.Empty) + " (estimate).";
        return new TableSize(table.Name, rows, rowBytes, perPage, heap, offPageBytes, indexes, basis);
    }

    private static IndexSize Secondary(Index index, Table table, int primaryKeyBytes, long rows, TypicalValues values)
    {
        if (index.Keys.Any(k => k.Match == KeyMatch.Trigram || k.Expression is { Kind: IndexExpressionKind.FullText }))
        {
            // FULLTEXT: an inverted index of words; roughly the text size again.
            var text = index.Keys.SelectMany(k => k.Expression?.Columns ?? new[] { k.Column! }).Sum(c => KeyWidth(table, c, values));
            return new IndexSize(index.Name, "fulltext", text, rows * text, true, "FULLTEXT auxiliary tables: about the indexed text's size (estimate).");
        }

        var keyColumns = index.Keys.SelectMany(k => k.Expression?.Columns.Take(1) ?? new[] { k.Column! }).Concat(index.Include);
        return Entry(index.Name, keyColumns, table, primaryKeyBytes, rows, values);
    }

    private static IndexSize Secondary(string name, IReadOnlyList<string> columns, Table table, int primaryKeyBytes, long rows, TypicalValues values) =>
        Entry(name, columns, table, primaryKeyBytes, rows, values);

    private static IndexSize Entry(string name, IEnumerable<string> columns, Table table, int primaryKeyBytes, long rows, TypicalValues values)
    {
        var entry = IndexEntryOverhead + primaryKeyBytes + columns.Sum(c => Math.Min(KeyWidth(table, c, values), 3072));
        var perPage = Math.Max(1, (int)(PageSize * Fill / entry));
        return new IndexSize(name, "btree", entry, Pages(rows, perPage) * PageSize, true,
            string.Create(CultureInfo.InvariantCulture, $"{entry}-byte entries (key + primary key + header), about {perPage} per 16 KB page (estimate)."));
    }

    private static int KeyWidth(Table table, string column, TypicalValues values) =>
        table.FindColumn(column) is { } c ? values.Width(c, t => Width(t, values)) : 8;

    private static long Pages(long rows, int perPage) => rows == 0 ? 0 : (rows + perPage - 1) / perPage;

    private static bool IsVariable(LogicalType type) => type.IsTextual || type.Kind is LogicalTypeKind.Json or LogicalTypeKind.Array or LogicalTypeKind.Binary;

    private static int Width(LogicalType type, TypicalValues values) => type.Kind switch
    {
        LogicalTypeKind.Uuid => 16,
        LogicalTypeKind.SmallInt => 2,
        LogicalTypeKind.Int => 4,
        LogicalTypeKind.BigInt => 8,
        LogicalTypeKind.Money => 9,
        LogicalTypeKind.Decimal => ((type.Precision ?? 10) / 2) + 1,
        LogicalTypeKind.Float => 4,
        LogicalTypeKind.Double => 8,
        LogicalTypeKind.Bool => 1,
        LogicalTypeKind.Date => 3,
        LogicalTypeKind.Time => 6,
        LogicalTypeKind.Timestamp => 8,
        LogicalTypeKind.Json => values.Json,
        LogicalTypeKind.Binary => values.Binary,
        LogicalTypeKind.Array => (values.ArrayElements * 12) + 2,
        _ => values.Characters(type),
    };
}
