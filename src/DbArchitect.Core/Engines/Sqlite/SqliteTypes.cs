using System.Globalization;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// Logical types → the five storage classes a STRICT table accepts (INTEGER, REAL, TEXT, BLOB, ANY). SQLite's usual
/// type affinity would take any declared name (varchar(200), numeric(19,4)) and store whatever value arrives; STRICT
/// tables (3.37+) reject a value of the wrong class instead, so the design declares only those names and states every
/// finer rule (length, shape, range) as a CHECK (<see cref="SqliteExpressions.TypeChecks"/>).
/// </summary>
public sealed class SqliteTypes : ITypeMapper
{
    /// <summary>Money is exact integer minor units with this many decimals: the scale of numeric(19,4) on the other engines.</summary>
    public const int MoneyScale = 4;

    /// <summary>Widest decimal kept as a scaled INTEGER: 18 digits fit a 64-bit integer (±9.2·10^18).</summary>
    public const int MaxScaledPrecision = 18;

    public NativeType Map(LogicalType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            LogicalTypeKind.Uuid => new("TEXT",
                "Canonical lower-case text (36 characters) with a CHECK on its shape: readable in every tool, sorts and compares as text, and the same value the application and JSON carry. BLOB(16) would save 20 bytes per value (more per index entry) but every driver and query must convert it."),
            LogicalTypeKind.String => new("TEXT", $"TEXT with CHECK (length(col) <= {Number(type.Length)}): SQLite ignores a declared length, so the CHECK keeps the limit."),
            LogicalTypeKind.Text => new("TEXT", null),
            LogicalTypeKind.Char => new("TEXT", $"TEXT with CHECK (length(col) <= {Number(type.Length)}); SQLite has no blank-padded char type."),
            LogicalTypeKind.SmallInt => new("INTEGER", "INTEGER is a 1–8-byte varint on disk: small values take little space whatever the declared width; a CHECK keeps the smallint range."),
            LogicalTypeKind.Int => new("INTEGER", "INTEGER is a 1–8-byte varint on disk; a CHECK keeps the 32-bit range."),
            LogicalTypeKind.BigInt => new("INTEGER", "INTEGER holds 64-bit values in a 1–8-byte varint."),
            LogicalTypeKind.Decimal => (type.Precision ?? 0) <= MaxScaledPrecision
                ? new("INTEGER", $"SQLite has no exact decimal (NUMERIC stores a float when the value has a fraction): stored as an INTEGER count of 10^-{Number(type.Scale)} units, exact in sum() and comparisons; the application scales by 10^{Number(type.Scale)}.")
                : new("TEXT", $"More than {MaxScaledPrecision} digits do not fit a scaled 64-bit INTEGER: kept as decimal text with a CHECK on its shape; arithmetic belongs in the application (SQLite would compute in floating point)."),
            LogicalTypeKind.Money => new("INTEGER",
                $"SQLite has no exact decimal and REAL would round cents: money is an INTEGER count of 10^-{MoneyScale} units (the scale of numeric(19,4) on the other engines, range ±922 trillion), exact in sum(); the application multiplies by 10^{MoneyScale} on the way in and divides on the way out."),
            LogicalTypeKind.Float => new("REAL", "SQLite's REAL is always 8-byte IEEE floating point; inexact."),
            LogicalTypeKind.Double => new("REAL", "8-byte IEEE floating point; inexact."),
            LogicalTypeKind.Bool => new("INTEGER", "SQLite has no boolean: INTEGER with CHECK (col IN (0, 1)); TRUE and FALSE are the integers 1 and 0."),
            LogicalTypeKind.Date => new("TEXT", "ISO-8601 date text (YYYY-MM-DD) with a CHECK that date(col) returns it unchanged: sorts chronologically and works with SQLite's date functions."),
            LogicalTypeKind.Time => new("TEXT", "ISO-8601 time text (HH:MM:SS) with a CHECK that time(col) returns it unchanged."),
            LogicalTypeKind.Timestamp => new("TEXT",
                "UTC instants as ISO-8601 text with milliseconds and Z (2024-05-01T12:30:00.000Z), with a CHECK that strftime returns it unchanged: one fixed-width form, so text order is time order and every date function reads it; unix-epoch INTEGER would be smaller but unreadable."),
            LogicalTypeKind.Json => new("TEXT",
                "JSON text with CHECK (json_valid(col)); the JSON functions (json_extract, ->>) read it. The binary JSONB form (3.45) is an option for read-heavy documents but is opaque to other tools."),
            LogicalTypeKind.Binary => new("BLOB", null),
            LogicalTypeKind.Email => new("TEXT", "TEXT with CHECK (length(col) <= 320): RFC 5321 limits an address to 64 + 1 + 255 characters."),
            LogicalTypeKind.Url => new("TEXT", "TEXT with CHECK (length(col) <= 2048), the practical limit of browsers and servers."),
            LogicalTypeKind.Enum => new("TEXT", "SQLite has no enum type: TEXT with a CHECK listing the values."),
            LogicalTypeKind.Array => MapArray(type),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown logical type."),
        };
    }

    /// <summary>The power of ten a scaled-integer column is stored in (money 4, decimal(p,s) s), or null when the type is not scaled.</summary>
    public static int? IntegerScale(LogicalType type) => type.Kind switch
    {
        LogicalTypeKind.Money => MoneyScale,
        LogicalTypeKind.Decimal when (type.Precision ?? 0) <= MaxScaledPrecision => type.Scale ?? 0,
        _ => null,
    };

    private static NativeType MapArray(LogicalType type)
    {
        var element = type.Element ?? throw new ArgumentException("An array type needs an element type.", nameof(type));
        if (element.Kind == LogicalTypeKind.Array)
        {
            throw new ArgumentException("Arrays of arrays are not supported.", nameof(type));
        }

        return new("TEXT",
            $"SQLite has no arrays: a JSON array (of {element}) in TEXT with CHECK (json_valid(col) AND json_type(col) = 'array'); json_each() reads the elements. Searching inside arrays cannot use an index: a child table is the relational alternative when that matters.");
    }

    private static string Number(int? value) =>
        (value ?? throw new ArgumentException("The logical type lacks its length, precision or scale.", nameof(value)))
        .ToString(CultureInfo.InvariantCulture);
}
