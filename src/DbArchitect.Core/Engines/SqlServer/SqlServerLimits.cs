using DbArchitect.Core.Model;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// SQL Server's hard limits ("Maximum capacity specifications"): 1024 columns a table; 32 key columns an index
/// (INCLUDE columns apart); 1,700 bytes of nonclustered index key and 8,060 bytes of row in-row. Variable-width
/// columns may move off-row and a too-long variable key fails only when such a value is written, so only fixed-width
/// columns are refused at CREATE: the row rule is a 4-byte row header, the fixed-width columns (BIT columns eight to a
/// byte), and the null bitmap (2 bytes of column count and one bit per column), as the server's "minimum row size".
/// </summary>
internal sealed class SqlServerLimits : IEngineLimits
{
    public EngineLimit Columns { get; } = new(1024, "SQL Server allows at most 1024 columns per (non-wide) table");

    public EngineLimit? IndexColumns { get; } = new(32, "SQL Server allows at most 32 key columns per index (INCLUDE columns apart)");

    public EngineLimit? RowBytes { get; } = new(8060, "SQL Server refuses a table whose minimum row (row header, fixed-width columns and null bitmap) exceeds 8,060 bytes");

    public EngineLimit? IndexKeyBytes { get; } = new(1700, "SQL Server refuses a nonclustered index whose fixed-width key columns exceed 1,700 bytes");

    public int RowBytesOf(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var types = table.Columns.Select(c => NativeTypeText.Parse(c.NativeType)).ToArray();
        var bits = types.Count(t => t.Name == "BIT");
        return checked(4 + types.Where(t => t.Name != "BIT").Sum(Fixed) + ((bits + 7) / 8) + 2 + ((table.Columns.Count + 7) / 8));
    }

    public int FixedKeyBytesOf(Column column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return Fixed(NativeTypeText.Parse(column.NativeType));
    }

    /// <summary>Bytes of a fixed-width type; 0 for a variable-width one (NVARCHAR, VARBINARY, MAX types).</summary>
    private static int Fixed(NativeTypeText type) => type.Name switch
    {
        "BIT" or "TINYINT" => 1,
        "SMALLINT" => 2,
        "INT" or "REAL" or "SMALLDATETIME" or "SMALLMONEY" => 4,
        "BIGINT" or "DATETIME" or "MONEY" or "ROWVERSION" => 8,
        "FLOAT" => type.Figure(0, 53) <= 24 ? 4 : 8,
        "UNIQUEIDENTIFIER" => 16,
        "DATE" => 3,
        "TIME" => Scaled(type.Figure(0, 7), 3),
        "DATETIME2" => Scaled(type.Figure(0, 7), 6),
        "DATETIMEOFFSET" => Scaled(type.Figure(0, 7), 8),
        "DECIMAL" or "NUMERIC" => type.Figure(0, 18) switch { <= 9 => 5, <= 19 => 9, <= 28 => 13, _ => 17 },
        "NCHAR" => checked(2 * type.Figure(0, 1)),
        "CHAR" or "BINARY" => type.Figure(0, 1),
        _ => 0,
    };

    /// <summary>TIME, DATETIME2 and DATETIMEOFFSET: the base bytes for precision 0–2, one more for 3–4, two more for 5–7.</summary>
    private static int Scaled(int precision, int bytes) => bytes + (precision <= 2 ? 0 : precision <= 4 ? 1 : 2);
}
