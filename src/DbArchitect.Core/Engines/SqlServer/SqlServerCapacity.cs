using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// SQL Server's storage rules for the forecast: 8 KB pages with a 96-byte header (8096 bytes for rows), each row a
/// 4-byte header, its fixed-length data, a 2-byte column count plus null bitmap, 2 bytes per variable-length column
/// plus 2, and a 2-byte slot entry. The clustered primary key is the table (its non-leaf levels are counted as its
/// index); nonclustered index rows carry their keys, INCLUDE columns and the clustered key as the row locator.
/// NVARCHAR stores 2 bytes per character. Fill factor 100 after a rebuild; pages fill to about 75% between rebuilds.
/// </summary>
internal sealed class SqlServerCapacity : ICapacityModel
{
    public const int PageBytes = 8192;
    public const int RowSpace = 8096;
    public const int MaxInRowBytes = 8060;

    // Random inserts split pages; between rebuilds the average page is about three quarters full.
    private const double AverageFill = 0.75;

    public IReadOnlyList<string> Assumptions(TypicalValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new[]
        {
            "8 KB pages, 8096 bytes of them for rows; a row may not exceed 8060 bytes in row (longer NVARCHAR(MAX)/VARBINARY(MAX) values go to LOB pages).",
            "Row = 4-byte header + fixed-length columns + 2 + null bitmap (1 bit per column) + 2 + 2 per variable-length column + their data; plus a 2-byte slot.",
            "NVARCHAR is UTF-16: 2 bytes per character of the typical values.",
            $"Pages average {(AverageFill * 100).ToString("0", CultureInfo.InvariantCulture)}% full between index rebuilds (page splits); the clustered index's non-leaf levels add about 1%.",
            "Nonclustered index rows: keys + INCLUDE columns + the clustered key (row locator) + 1-byte header, null bitmap and variable-length offsets.",
            "Full-text indexes are estimated at 30% of the indexed text.",
        };
    }

    public IReadOnlyList<TableSize> Measure(SchemaModel physical, Func<string, long> rowsOf, TypicalValues values)
    {
        ArgumentNullException.ThrowIfNull(physical);
        ArgumentNullException.ThrowIfNull(rowsOf);
        ArgumentNullException.ThrowIfNull(values);
        return physical.Tables.Select(t => Table(t, rowsOf(t.Name), values)).ToList();
    }

    private static TableSize Table(Table table, long rows, TypicalValues values)
    {
        var rowBytes = RowBytes(table.Columns, values, out var lobBytes);
        var inRow = Math.Min(rowBytes, MaxInRowBytes);
        var perPage = Math.Max(1, (int)(RowSpace / (double)(inRow + 2)));
        var pages = Pages(rows, perPage);
        var heap = (long)(pages * PageBytes * 1.01);
        var lob = rows * lobBytes;

        var clusteredKey = table.PrimaryKey.Columns.Select(table.FindColumn).Where(c => c is not null).Sum(c => Width(c!, values));
        var indexes = new List<IndexSize>
        {
            new(table.PrimaryKey.Name, "clustered", clusteredKey, (long)(pages * PageBytes * 0.01), true, "The clustered primary key is the table; its non-leaf levels, about 1% of the leaf pages."),
        };
        foreach (var index in table.Indexes)
        {
            if (SqlServerFullText.IsFullText(index))
            {
                var text = SqlServerFullText.Columns(table, index).Select(table.FindColumn).Sum(c => c is null ? 0 : Width(c, values));
                indexes.Add(new(index.Name, "fulltext", text, (long)(rows * text * 0.3), true, "30% of the indexed text (word list and occurrences)."));
                continue;
            }

            var columns = index.Keys.Select(k => k.Column).Concat(index.Include).Concat(table.PrimaryKey.Columns)
                .Where(c => c is not null).Distinct(StringComparer.OrdinalIgnoreCase).Select(c => table.FindColumn(c!)).Where(c => c is not null).Select(c => c!).ToList();
            var entry = 1 + RowBytes(columns, values, out _) - 4 + 2;
            var share = index.Predicate is null ? 1.0 : 0.95;
            var entries = (long)(rows * share);
            var entryPages = Pages(entries, Math.Max(1, (int)(RowSpace / (double)entry)));
            indexes.Add(new(index.Name, index.Unique ? "nonclustered unique" : "nonclustered", entry, (long)(entryPages * PageBytes * 1.01), index.Predicate is not null,
                index.Predicate is null ? "Every row, leaf plus about 1% non-leaf." : "Filtered: rows matching the filter (about 95% of rows assumed live)."));
        }

        return new TableSize(table.Name, rows, rowBytes, perPage, heap, lob, indexes,
            $"{rowBytes.ToString(CultureInfo.InvariantCulture)}-byte rows, {perPage.ToString(CultureInfo.InvariantCulture)} per 8 KB page at {(AverageFill * 100).ToString("0", CultureInfo.InvariantCulture)}% fill");
    }

    private static long Pages(long rows, int perPage) => rows <= 0 ? 0 : (long)Math.Ceiling(rows / (perPage * AverageFill));

    private static int RowBytes(IReadOnlyList<Column> columns, TypicalValues values, out int lobBytes)
    {
        var fixedBytes = 0;
        var variable = 0;
        var variableBytes = 0;
        lobBytes = 0;
        foreach (var column in columns)
        {
            var width = TypicallyNullWidth(column, values);
            if (IsVariable(column))
            {
                variable++;
                if (width > 8000)
                {
                    lobBytes += width;
                    width = 24; // in-row pointer to the LOB pages
                }

                variableBytes += width;
            }
            else
            {
                fixedBytes += width;
            }
        }

        var nullBitmap = 2 + ((columns.Count + 7) / 8);
        var offsets = variable > 0 ? 2 + (2 * variable) : 0;
        return 4 + fixedBytes + nullBitmap + offsets + variableBytes;
    }

    /// <summary>A NULL takes no bytes in a variable-length column; a fixed-length one keeps its width.</summary>
    private static int TypicallyNullWidth(Column column, TypicalValues values) =>
        IsVariable(column) ? values.Expected(column, Width(column, values)) : Width(column, values);

    private static bool IsVariable(Column column) =>
        SqlServerExpressions.NativeType(column) is var n && (n.StartsWith("NVARCHAR", StringComparison.Ordinal) || n.StartsWith("VARBINARY", StringComparison.Ordinal));

    private static int Width(Column column, TypicalValues values)
    {
        var native = SqlServerExpressions.NativeType(column);
        return column.Type.Kind switch
        {
            LogicalTypeKind.Uuid => 16,
            LogicalTypeKind.SmallInt => 2,
            LogicalTypeKind.Int => 4,
            LogicalTypeKind.BigInt => 8,
            LogicalTypeKind.Bool => 1,
            LogicalTypeKind.Date => 3,
            LogicalTypeKind.Time => 5,
            LogicalTypeKind.Timestamp => 10,
            LogicalTypeKind.Float => 4,
            LogicalTypeKind.Double => 8,
            LogicalTypeKind.Money => 9,
            LogicalTypeKind.Decimal => (column.Type.Precision ?? 18) switch { <= 9 => 5, <= 19 => 9, <= 28 => 13, _ => 17 },
            LogicalTypeKind.Json => 2 * values.Size(column),
            LogicalTypeKind.Array => 2 * values.ArrayElements * 12,
            LogicalTypeKind.Binary => values.Size(column),
            _ when native.StartsWith("NCHAR", StringComparison.Ordinal) => 2 * values.Size(column),
            _ => 2 * Math.Max(1, values.Size(column)),
        };
    }
}
