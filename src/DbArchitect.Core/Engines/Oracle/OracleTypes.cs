using System.Globalization;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>The Oracle release the generated SQL targets. 19c is the long-term release; 23ai adds BOOLEAN and a native JSON type is there since 21c.</summary>
public enum OracleTarget
{
    /// <summary>Oracle Database 19c: no BOOLEAN column type, JSON stored as CLOB with an IS JSON check.</summary>
    Oracle19c,

    /// <summary>Oracle Database 23ai: BOOLEAN and the binary JSON type (OSON).</summary>
    Oracle23ai,
}

/// <summary>
/// Logical types → Oracle types, each with the trade-off behind the choice. Strings use character length semantics
/// (VARCHAR2(n CHAR)) so string(n) holds n characters whatever the database character set (AL32UTF8 needs up to 4
/// bytes a character); a VARCHAR2 still holds at most 4000 bytes (32767 with MAX_STRING_SIZE = EXTENDED), so a longer
/// string is a CLOB.
/// </summary>
public sealed class OracleTypes : ITypeMapper
{
    /// <summary>Longest VARCHAR2 in bytes with the default MAX_STRING_SIZE = STANDARD.</summary>
    public const int MaxVarchar2Bytes = 4000;

    private const string EmptyStringIsNull = " Oracle stores '' as NULL: a NOT NULL string column rejects an empty string and a default of '' is no default.";

    public OracleTypes(OracleTarget target = OracleTarget.Oracle19c) => Target = target;

    public OracleTarget Target { get; }

    /// <summary>True when BOOLEAN is a column type (23ai); otherwise NUMBER(1) with a CHECK (col IN (0, 1)).</summary>
    public bool HasBoolean => Target >= OracleTarget.Oracle23ai;

    /// <summary>True when JSON is a column type (21c+, so 23ai here); otherwise CLOB with a CHECK (col IS JSON).</summary>
    public bool HasJson => Target >= OracleTarget.Oracle23ai;

    public NativeType Map(LogicalType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            LogicalTypeKind.Uuid => new("RAW(16)",
                "16 bytes, half of CHAR(36); keys default to SYS_GUID(), which is unique but not random and not an RFC 4122 UUID (it embeds host and process and increments), so it also indexes at the right edge. Oracle has no UUID type (23ai neither); show it with RAWTOHEX or a formatting function."),
            LogicalTypeKind.String => VarcharOrClob(type.Length),
            LogicalTypeKind.Text => new("CLOB",
                "Unbounded text; values up to about 4000 bytes stay in the row (ENABLE STORAGE IN ROW), longer ones move to the LOB segment. A CLOB cannot be a B-tree key or be compared with =; search it with an Oracle Text index." + EmptyStringIsNull),
            LogicalTypeKind.Char => new($"CHAR({Number(type.Length)} CHAR)",
                "Fixed length as asked, blank-padded; VARCHAR2 is usually the better choice."),
            LogicalTypeKind.SmallInt => new("NUMBER(5)", "Oracle integers are NUMBER with a precision; 5 digits covers smallint's range."),
            LogicalTypeKind.Int => new("NUMBER(10)", "10 digits covers a 32-bit integer; NUMBER is variable-width (1 to 6 bytes for this range)."),
            LogicalTypeKind.BigInt => new("NUMBER(19)", "19 digits covers a 64-bit integer, so values round-trip to long in every client."),
            LogicalTypeKind.Decimal => new($"NUMBER({Number(type.Precision)},{Number(type.Scale)})", "Exact decimal arithmetic."),
            LogicalTypeKind.Money => new("NUMBER(19,4)", "Exact: never BINARY_FLOAT/DOUBLE for money; four decimals leave room for rounding."),
            LogicalTypeKind.Float => new("BINARY_FLOAT", "IEEE 754 4-byte float: about 6 significant digits, inexact, fast arithmetic (FLOAT in Oracle is a NUMBER)."),
            LogicalTypeKind.Double => new("BINARY_DOUBLE", "IEEE 754 8-byte float: about 15 significant digits, inexact."),
            LogicalTypeKind.Bool => HasBoolean
                ? new("BOOLEAN", "23ai has a SQL BOOLEAN type (TRUE/FALSE).")
                : new("NUMBER(1)", "Oracle 19c has no SQL BOOLEAN column type (23ai has): NUMBER(1) with a CHECK (col IN (0, 1)); 1 is true."),
            LogicalTypeKind.Date => new("DATE", "Oracle's DATE always carries a time of day (to the second); the default and the values are truncated to midnight with TRUNC."),
            LogicalTypeKind.Time => new("INTERVAL DAY(0) TO SECOND(6)",
                "Oracle has no TIME type: the time of day as the interval since midnight (a DAY(0) interval cannot exceed one day)."),
            LogicalTypeKind.Timestamp => new("TIMESTAMP WITH TIME ZONE",
                "Stores the instant with its offset, so values do not depend on the session time zone and compare as instants; TIMESTAMP WITH LOCAL TIME ZONE would normalise to the database time zone and show values in each session's zone, which hides the original offset. Restriction: such a column cannot be in a PRIMARY KEY or UNIQUE constraint (ORA-02329), so uniqueness on it is a unique index."),
            LogicalTypeKind.Json => HasJson
                ? new("JSON", "The native binary JSON type (OSON, 21c+): parsed once, queried with dot notation and JSON_VALUE, indexable with a JSON search index.")
                : new("CLOB", "Oracle 19c has no JSON type (21c and 23ai do): a CLOB with a CHECK (col IS JSON) so only well-formed documents are stored; query it with JSON_VALUE/JSON_EXISTS and index it with a JSON search index."),
            LogicalTypeKind.Binary => new("BLOB", "Binary large object (RAW is limited to 2000 bytes, 32767 extended)."),
            LogicalTypeKind.Email => VarcharOrClob(320, "RFC 5321 limits an address to 64 + 1 + 255 characters."),
            LogicalTypeKind.Url => VarcharOrClob(2048, "2048 characters: the practical limit of browsers and servers."),
            LogicalTypeKind.Enum => new($"VARCHAR2({EnumLength(type).ToString(CultureInfo.InvariantCulture)} CHAR)",
                "Oracle has no enum type: VARCHAR2 sized to the longest value with a CHECK (col IN (…)); adding a value is a constraint swap."),
            LogicalTypeKind.Array => HasJson
                ? new("JSON", "Oracle has no array column type: a JSON array (native JSON type, 21c+); query elements with JSON_EXISTS or JSON_TABLE.")
                : new("CLOB", "Oracle has no array column type: a JSON array in a CLOB with a CHECK (col IS JSON); query elements with JSON_EXISTS or JSON_TABLE."),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown logical type."),
        };
    }

    /// <summary>True when the type is a LOB: it cannot be a B-tree key, a key constraint, or compared with =, GROUP BY or ORDER BY.</summary>
    public bool IsLob(LogicalType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var sql = Map(type).Sql;
        return sql is "CLOB" or "BLOB" or "JSON";
    }

    /// <summary>Largest number of bytes one value of the type takes in an index key (AL32UTF8: 4 bytes a character).</summary>
    public static int MaxKeyBytes(string nativeType)
    {
        ArgumentNullException.ThrowIfNull(nativeType);
        if (nativeType.StartsWith("VARCHAR2(", StringComparison.Ordinal) || nativeType.StartsWith("CHAR(", StringComparison.Ordinal))
        {
            var open = nativeType.IndexOf('(', StringComparison.Ordinal) + 1;
            var digits = new string(nativeType[open..].TakeWhile(char.IsAsciiDigit).ToArray());
            return int.Parse(digits, CultureInfo.InvariantCulture) * 4;
        }

        return nativeType switch
        {
            "RAW(16)" => 16,
            "DATE" => 7,
            "TIMESTAMP WITH TIME ZONE" => 13,
            "BINARY_FLOAT" => 4,
            "BINARY_DOUBLE" => 8,
            "BOOLEAN" => 1,
            _ when nativeType.StartsWith("NUMBER", StringComparison.Ordinal) => 22,
            _ when nativeType.StartsWith("INTERVAL", StringComparison.Ordinal) => 11,
            _ => 4000,
        };
    }

    private static NativeType VarcharOrClob(int? length, string? why = null)
    {
        var n = length ?? throw new ArgumentException("The logical type lacks its length.", nameof(length));
        if (n > MaxVarchar2Bytes)
        {
            return new("CLOB", $"{n.ToString(CultureInfo.InvariantCulture)} characters exceed VARCHAR2's 4000 bytes (MAX_STRING_SIZE = STANDARD; 32767 bytes with EXTENDED): a CLOB." + EmptyStringIsNull);
        }

        return new($"VARCHAR2({n.ToString(CultureInfo.InvariantCulture)} CHAR)",
            (why is null ? string.Empty : why + " ")
            + "CHAR length semantics: n characters, not n bytes, whatever the character set; still at most 4000 bytes (32767 with MAX_STRING_SIZE = EXTENDED)." + EmptyStringIsNull);
    }

    private static int EnumLength(LogicalType type) =>
        Math.Max(1, type.EnumValues.Count == 0 ? 1 : type.EnumValues.Max(v => v.Length));

    private static string Number(int? value) =>
        (value ?? throw new ArgumentException("The logical type lacks its length, precision or scale.", nameof(value)))
        .ToString(CultureInfo.InvariantCulture);
}
