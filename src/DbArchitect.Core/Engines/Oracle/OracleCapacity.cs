using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>
/// Oracle's block layout applied to typical rows, an estimate: 8 KB blocks with about 100 bytes of header and ITL
/// slots, PCTFREE 10 (10% of each block kept for rows that grow), a 2-byte row directory entry per row; a row is a
/// 3-byte header plus, per column, a length byte (3 past 250 bytes) and the value: NUMBER about one byte per two
/// digits plus one, DATE 7, TIMESTAMP WITH TIME ZONE 13, RAW(16) 16, BINARY_DOUBLE 8, VARCHAR2 its UTF-8 bytes; a LOB
/// under about 4000 bytes stays in the row with a 36-byte locator. B-tree leaf entries are the key columns plus a
/// 6-byte rowid and a 2-byte header, blocks filled 90% by ordered keys and about 70% by random ones.
/// </summary>
public sealed class OracleCapacity : ICapacityModel
{
    internal const int BlockSize = 8192;
    internal const int BlockOverhead = 100;
    internal const double PctFree = 0.10;
    internal const int RowDirectory = 2;
    internal const int RowHeader = 3;
    internal const int LobLocator = 36;
    internal const int InRowLobLimit = 3964;
    internal const int RowId = 6;
    internal const double OrderedFill = 0.90;
    internal const double RandomFill = 0.70;

    private static readonly OracleTypes Types = new();

    public IReadOnlyList<string> Assumptions(TypicalValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new[]
        {
            $"Typical values: string(n) holds {(values.StringFill * 100).ToString("0", CultureInfo.InvariantCulture)}% of n characters, e-mail {values.Email}, URL {values.Url}, text {values.Text}, JSON {values.Json} bytes; one byte a character (ASCII in AL32UTF8).",
            $"Table blocks: {BlockSize}-byte blocks, about {BlockOverhead} bytes of block header and ITL slots, PCTFREE 10 (10% kept free for updates), {RowDirectory} bytes of row directory per row; rows of a {RowHeader}-byte header plus a 1-byte length per column (3 bytes past 250) and the value.",
            $"LOBs (CLOB, BLOB, JSON): stored in the row up to about {InRowLobLimit} bytes with a {LobLocator}-byte locator, in the LOB segment beyond (counted there in whole chunks).",
            $"B-tree: leaf entries of the keys plus a {RowId}-byte rowid and a 2-byte header, {OrderedFill * 100:0}% full when keys arrive in order and {RandomFill * 100:0}% at random (SYS_GUID keys arrive in order); branch blocks add about 1%. Oracle Text and JSON search indexes are estimated at 1.5 times the indexed text.",
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
        var rowBytes = RowHeader;
        long lobOutOfRow = 0;
        foreach (var column in table.Columns)
        {
            var (inRow, outOfRow) = ValueBytes(column, values);
            rowBytes += (inRow > 250 ? 3 : 1) + inRow;
            lobOutOfRow += outOfRow;
        }

        var usable = (int)((BlockSize - BlockOverhead) * (1 - PctFree));
        var perBlock = Math.Max(1, usable / (rowBytes + RowDirectory));
        var heap = rows == 0 ? 0 : Blocks(rows, perBlock) * BlockSize;
        var lob = rows == 0 || lobOutOfRow == 0 ? 0 : (long)Math.Ceiling(rows * (double)lobOutOfRow / BlockSize) * BlockSize;
        var indexes = new List<IndexSize> { Key(table, table.PrimaryKey.Name, table.PrimaryKey.Columns, rows, values) };
        indexes.AddRange(table.UniqueKeys.Select(u => Key(table, u.Name, u.Columns, rows, values)));
        indexes.AddRange(table.Indexes.Select(i => Index(table, i, rows, values)));
        var basis = $"{rowBytes}-byte row + {RowDirectory}-byte directory entry; {perBlock} rows per 8 KB block after PCTFREE 10";
        return new TableSize(table.Name, rows, rowBytes, perBlock, heap, lob, indexes, basis);
    }

    private static IndexSize Key(Table table, string name, IReadOnlyList<string> columns, long rows, TypicalValues values) =>
        BTree(table, name, columns, rows, values, "B-tree", ordered: columns.Count == 1 && table.FindColumn(columns[0]) is { } c
            && (c.Generation != KeyGeneration.None || c.Role is ColumnRole.CreatedAt));

    private static IndexSize Index(Table table, Model.Index index, long rows, TypicalValues values)
    {
        var text = index.Method == IndexStructure.Inverted || index.Keys.Any(k => k.Expression is { Kind: IndexExpressionKind.FullText });
        var columns = index.Keys.SelectMany(k => k.Expression?.Columns ?? new[] { k.Column! }).Concat(index.Unique ? Array.Empty<string>() : index.Include).ToList();
        if (text)
        {
            var textBytes = columns.Select(c => table.FindColumn(c)).Where(c => c is not null).Sum(c => (double)ValueBytes(c!, values).InRow + ValueBytes(c!, values).OutOfRow);
            var bytes = (long)Math.Ceiling(rows * textBytes * 1.5 / BlockSize) * BlockSize;
            return new IndexSize(index.Name, "Oracle Text/JSON search", (int)textBytes, bytes, true, "1.5 × the indexed text (token table $I and postings)");
        }

        return BTree(table, index.Name, columns, rows, values, "B-tree", ordered: false);
    }

    private static IndexSize BTree(Table table, string name, IReadOnlyList<string> columns, long rows, TypicalValues values, string method, bool ordered)
    {
        var key = columns.Select(c => table.FindColumn(c)).Where(c => c is not null).Sum(c => 1 + Math.Min(ValueBytes(c!, values).InRow, 4000));
        var entry = key + RowId + 2;
        var fill = ordered ? OrderedFill : RandomFill;
        var perBlock = Math.Max(1, (int)((BlockSize - BlockOverhead) * fill / (entry + 2)));
        var leaves = rows == 0 ? 0 : Blocks(rows, perBlock);
        var bytes = (long)Math.Ceiling(leaves * 1.01) * BlockSize;
        return new IndexSize(name, method, entry, bytes, true, $"{entry}-byte entries, {perBlock} per leaf block at {fill * 100:0}% fill");
    }

    /// <summary>Bytes a typical value takes in the row, and out of it (LOB segment).</summary>
    private static (int InRow, int OutOfRow) ValueBytes(Column column, TypicalValues values)
    {
        var (inRow, outOfRow) = PresentValueBytes(column, values);
        return (values.Expected(column, inRow), values.Expected(column, outOfRow));
    }

    private static (int InRow, int OutOfRow) PresentValueBytes(Column column, TypicalValues values)
    {
        var native = OracleExpressions.NativeType(column, Types);
        var type = column.Type;
        int Lob(int bytes) => bytes <= InRowLobLimit ? LobLocator + bytes : LobLocator;
        return native switch
        {
            "RAW(16)" => (16, 0),
            "DATE" => (7, 0),
            "TIMESTAMP WITH TIME ZONE" => (13, 0),
            "BINARY_FLOAT" => (4, 0),
            "BINARY_DOUBLE" => (8, 0),
            "BOOLEAN" => (1, 0),
            _ when native.StartsWith("INTERVAL", StringComparison.Ordinal) => (11, 0),
            _ when native.StartsWith("NUMBER", StringComparison.Ordinal) => (Number(type, values), 0),
            "CLOB" or "JSON" or "BLOB" => LobBytes(column, values, Lob),
            _ => (Math.Max(1, values.Size(column)), 0),
        };
    }

    private static (int, int) LobBytes(Column column, TypicalValues values, Func<int, int> lob)
    {
        var bytes = column.Type.Kind switch
        {
            LogicalTypeKind.Array => values.ArrayElements * 12,
            _ => Math.Max(1, values.Size(column)),
        };
        return (lob(bytes), bytes > InRowLobLimit ? bytes : 0);
    }

    /// <summary>NUMBER: one exponent byte plus a byte per two significant digits.</summary>
    private static int Number(LogicalType type, TypicalValues values) => type.Kind switch
    {
        LogicalTypeKind.Bool => 2,
        LogicalTypeKind.SmallInt => 3,
        LogicalTypeKind.Int => 4,
        LogicalTypeKind.BigInt => 6,
        LogicalTypeKind.Money => 1 + (values.DecimalIntegerDigits + 4 + 1) / 2,
        LogicalTypeKind.Decimal => 1 + (values.DecimalIntegerDigits + (type.Scale ?? 0) + 1) / 2,
        _ => 6,
    };

    private static long Blocks(long rows, int perBlock) => (rows + perBlock - 1) / perBlock;
}
