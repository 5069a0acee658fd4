using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// SQLite's storage model, estimated: each row is one record in a table b-tree keyed by rowid (header of one serial
/// type varint per column, then the values at their natural width: integers 0–8 bytes by magnitude, 0 and 1 cost
/// nothing, text at its UTF-8 length), plus a cell pointer, payload-length and rowid varints. Indexes are b-trees of
/// (key values, rowid) records; a non-INTEGER primary key and every UNIQUE constraint get one (sqlite_autoindex_…).
/// Figures are estimates: SQLite has no alignment or fixed widths, so real sizes follow the data.
/// </summary>
internal sealed class SqliteCapacity : ICapacityModel
{
    private const int PageSize = SqliteDatabaseDdl.PageSize;
    private const int PageHeader = 8;          // leaf page header
    private const int CellPointer = 2;
    private const double TableFill = 0.9;      // rowid tables grow at the right edge: leaves fill almost completely
    private const double IndexFill = 0.7;      // indexes on random keys split half-full and settle around 70%
    private const int MaxLocalPayload = PageSize - 35;
    private const int MinLocalPayload = ((PageSize - 12) * 32 / 255) - 23;

    public IReadOnlyList<string> Assumptions(TypicalValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new[]
        {
            InvariantText.Format($"{PageSize}-byte pages (the default, set by 001_database.sql); table leaves {TableFill:P0} full (rowid order appends), index leaves {IndexFill:P0} full."),
            "Record format: one varint serial type per column plus the values; integers take 0–8 bytes by magnitude (booleans 0), REAL 8, text its UTF-8 length; an INTEGER PRIMARY KEY is the rowid and costs nothing in the record.",
            "Each cell adds a 2-byte pointer and varints for payload length and rowid; payloads over ≈4 KB spill to overflow pages (shown as overflow).",
            InvariantText.Format($"Text: string(n) values fill {values.StringFill:P0} of n, e-mail {values.Email}, URL {values.Url}, text {values.Text} characters; uuids 36 and timestamps 24 characters of text; JSON {values.Json} bytes; money and decimals about 4-byte integers."),
            "Every index entry holds its key values and the rowid; a non-integer primary key and each UNIQUE constraint have an automatic index. FTS5 tables are estimated at 3× the indexed text (trigram) or 1× (words). These are estimates: SQLite stores values at their natural width, so real sizes follow the data.",
        };
    }

    public IReadOnlyList<TableSize> Measure(SchemaModel physical, Func<string, long> rowsOf, TypicalValues values)
    {
        ArgumentNullException.ThrowIfNull(physical);
        ArgumentNullException.ThrowIfNull(rowsOf);
        ArgumentNullException.ThrowIfNull(values);
        var search = SqliteSearchDdl.For(physical);
        var result = new List<TableSize>();
        foreach (var table in physical.Tables)
        {
            var rows = Math.Max(0, rowsOf(table.Name));
            var rowidBytes = Varint(Math.Max(1, rows));
            var composite = SqliteTableDdl.RowidKeyOfComposite(table);
            var rowidColumn = composite?.Name ?? (table.PrimaryKey.Columns.Count == 1 && table.FindColumn(table.PrimaryKey.Columns[0]) is { } pk
                && SqliteExpressions.NativeType(pk) == "INTEGER" ? pk.Name : null);
            var rowidAlias = rowidColumn is not null;
            var payload = 1 + table.Columns.Sum(c => Header(c, values) + (c.Name == rowidColumn ? 0 : ValueBytes(c, values)));
            var local = payload > MaxLocalPayload ? MinLocalPayload : payload;
            var overflowPerRow = payload - local;
            var cell = CellPointer + Varint(payload) + rowidBytes + local;
            var rowsPerPage = Math.Max(1, (int)((PageSize - PageHeader) * TableFill / cell));
            var heap = Pages(rows, rowsPerPage) * PageSize;
            var overflow = overflowPerRow > 0 ? Pages(rows * overflowPerRow, PageSize - 4) * PageSize : 0;

            var indexes = new List<IndexSize>();
            void AddIndex(string name, IEnumerable<string> columns, string basis)
            {
                var keyBytes = columns.Select(table.FindColumn).Where(c => c is not null).Sum(c => Header(c!, values) + ValueBytes(c!, values));
                var entry = CellPointer + 1 + 1 + keyBytes + rowidBytes;
                var perPage = Math.Max(1, (int)((PageSize - PageHeader) * IndexFill / entry));
                indexes.Add(new IndexSize(name, "btree", entry, Pages(rows, perPage) * PageSize, true, basis));
            }

            if (composite is not null)
            {
                AddIndex(SqliteTableDdl.CompositeKeyName(table), table.PrimaryKey.Columns, "automatic index of the UNIQUE constraint carrying the composite primary key");
            }
            else if (!rowidAlias && table.PrimaryKey.Columns.Count > 0)
            {
                AddIndex(table.PrimaryKey.Name, table.PrimaryKey.Columns, "automatic index of the non-INTEGER primary key");
            }

            foreach (var unique in table.UniqueKeys)
            {
                AddIndex(unique.Name, unique.Columns, "automatic index of the UNIQUE constraint");
            }

            foreach (var planned in SqliteIndexDdl.For(table))
            {
                AddIndex(planned.Source.Name, planned.Keys.Select(k => k.Column ?? k.Expression!.Columns[0]),
                    planned.Source.Predicate is null ? "key values + rowid" : "key values + rowid; partial: sized as if every row qualified");
            }

            foreach (var fts in search.Where(s => s.Table.Name == table.Name))
            {
                var text = fts.Columns.Select(table.FindColumn).Where(c => c is not null).Sum(c => ValueBytes(c!, values));
                var factor = fts.Trigram ? 3.0 : 1.0;
                indexes.Add(new IndexSize(fts.Name, "fts5", (int)(text * factor), (long)(rows * text * factor), true,
                    $"FTS5 {(fts.Trigram ? "trigram" : "word")} index ≈ {factor:0}× the indexed text"));
            }

            result.Add(new TableSize(table.Name, rows, payload, rowsPerPage, heap, overflow, indexes,
                $"record {payload} B + {cell - payload} B cell overhead, {rowsPerPage} rows per {PageSize} B page"));
        }

        return result;
    }

    private static long Pages(long items, long perPage) => items <= 0 ? 0 : (items + perPage - 1) / perPage;

    /// <summary>Bytes of a varint holding <paramref name="value"/>.</summary>
    private static int Varint(long value)
    {
        var bytes = 1;
        while (value >= 128 && bytes < 9)
        {
            value >>= 7;
            bytes++;
        }

        return bytes;
    }

    private static int Header(Column column, TypicalValues values) => ValueBytes(column, values) > 57 ? 2 : 1;

    private static int ValueBytes(Column column, TypicalValues values) =>
        values.Expected(column, PresentValueBytes(column, values));

    private static int PresentValueBytes(Column column, TypicalValues values)
    {
        var type = column.Type;
        return type.Kind switch
        {
            LogicalTypeKind.Bool => 0,
            LogicalTypeKind.SmallInt => 2,
            LogicalTypeKind.Int => 4,
            LogicalTypeKind.BigInt => 6,
            LogicalTypeKind.Money or LogicalTypeKind.Decimal => SqliteTypes.IntegerScale(type) is null ? (type.Precision ?? 20) + 2 : 4,
            LogicalTypeKind.Float or LogicalTypeKind.Double => 8,
            LogicalTypeKind.Uuid => 36,
            LogicalTypeKind.Timestamp => 24,
            LogicalTypeKind.Date => 10,
            LogicalTypeKind.Time => 8,
            LogicalTypeKind.Array => 2 + (values.ArrayElements * (1 + Math.Max(4, values.Characters(type.Element ?? LogicalType.Text)))),
            _ => values.Size(column),
        };
    }
}
