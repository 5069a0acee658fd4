using DbArchitect.Core.Model;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// MySQL's and MariaDB's hard limits for InnoDB tables: 1017 columns a table, 16 columns (key parts) an index, and
/// the 65,535-byte row size that CREATE TABLE checks ("Limits on Table Column Count and Row Size"). That row size
/// counts every column at its declared maximum: CHAR(n) and VARCHAR(n) at 4 bytes per utf8mb4 character (plus one
/// length byte, two past 255 bytes), TEXT, BLOB and JSON as a pointer of 9 to 12 bytes (12 counted here), the other
/// types at their storage size, and one bit per nullable column.
/// </summary>
internal sealed class MySqlLimits : IEngineLimits
{
    private const int BytesPerCharacter = 4; // utf8mb4

    private readonly MySqlDialect _dialect;
    private readonly string _name;

    public MySqlLimits(MySqlDialect dialect)
    {
        _dialect = dialect ?? throw new ArgumentNullException(nameof(dialect));
        _name = dialect.IsMariaDb ? "MariaDB" : "MySQL";
        Columns = new(1017, $"{_name} allows 4096 columns per table, but InnoDB at most 1017");
        IndexColumns = new(16, $"{_name} allows at most 16 columns per index");
        RowBytes = new(65_535, $"{_name} refuses a row of more than 65,535 bytes, counting CHAR and VARCHAR at 4 bytes per utf8mb4 character and TEXT, BLOB and JSON as 12-byte pointers");
    }

    public EngineLimit Columns { get; }

    public EngineLimit? IndexColumns { get; }

    public EngineLimit? RowBytes { get; }

    public IReadOnlyList<string> AddedColumns(Table table) => MySqlHelperColumns.For(table, _dialect).Select(h => h.Name).ToArray();

    public int RowBytesOf(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var nullable = table.Columns.Count(c => c.Nullable);
        return checked(table.Columns.Sum(c => Bytes(NativeTypeText.Parse(c.NativeType))) + ((nullable + 7) / 8));
    }

    private static int Bytes(NativeTypeText type) => type.Name switch
    {
        "TINYINT" or "YEAR" => 1,
        "SMALLINT" => 2,
        "MEDIUMINT" => 3,
        "INT" or "INTEGER" or "FLOAT" => 4,
        "BIGINT" or "DOUBLE" => 8,
        "DATE" => 3,
        "TIME" => 3 + Fraction(type),
        "DATETIME" => 5 + Fraction(type),
        "TIMESTAMP" => 4 + Fraction(type),
        "UUID" or "INET6" => 16,
        "BIT" => (type.Figure(0, 1) + 7) / 8,
        "DECIMAL" or "NUMERIC" => Decimal(type.Figure(0, 10), type.Figure(1, 0)),
        "CHAR" => checked(type.Figure(0, 1) * BytesPerCharacter),
        "BINARY" => type.Figure(0, 1),
        "VARCHAR" => Variable(checked(type.Figure(0, 1) * BytesPerCharacter)),
        "VARBINARY" => Variable(type.Figure(0, 1)),
        "ENUM" => 2,
        "SET" => 8,
        _ => 12, // TEXT, BLOB and JSON kinds: the in-row pointer
    };

    private static int Variable(int bytes) => bytes + (bytes > 255 ? 2 : 1);

    /// <summary>Fractional seconds: one byte per two digits of precision.</summary>
    private static int Fraction(NativeTypeText type) => (type.Figure(0, 0) + 1) / 2;

    /// <summary>DECIMAL packs nine digits into four bytes on each side of the point, the leftover digits into fewer.</summary>
    private static int Decimal(int precision, int scale)
    {
        static int Digits(int digits) => (digits / 9 * 4) + new[] { 0, 1, 1, 2, 2, 3, 3, 4, 4 }[digits % 9];
        return Digits(Math.Max(0, precision - scale)) + Digits(scale);
    }
}
