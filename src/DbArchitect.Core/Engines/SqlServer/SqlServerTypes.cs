using System.Globalization;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>Logical types → SQL Server 2022 types, each with the trade-off behind the choice where there is one.</summary>
public sealed class SqlServerTypes : ITypeMapper
{
    /// <summary>The longest NVARCHAR(n) SQL Server declares; longer strings are NVARCHAR(MAX).</summary>
    public const int MaxNVarChar = 4000;

    public NativeType Map(LogicalType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            LogicalTypeKind.Uuid => new("UNIQUEIDENTIFIER",
                "16 bytes. Generated keys default to NEWSEQUENTIALID(): sequential GUIDs append to the clustered index, while NEWID() inserts at random pages, splitting them and fragmenting the index."),
            LogicalTypeKind.String => String(type.Length),
            LogicalTypeKind.Text => new("NVARCHAR(MAX)", "Unicode text up to 2 GB; values up to 8000 bytes stay in the row, longer ones move to LOB pages. NTEXT is deprecated."),
            LogicalTypeKind.Char => new($"NCHAR({Number(type.Length)})", "Fixed length as asked; NCHAR pads with blanks, so NVARCHAR is usually the better choice."),
            LogicalTypeKind.SmallInt => new("SMALLINT", null),
            LogicalTypeKind.Int => new("INT", null),
            LogicalTypeKind.BigInt => new("BIGINT", null),
            LogicalTypeKind.Decimal => new($"DECIMAL({Number(type.Precision)},{Number(type.Scale)})", "Exact decimal arithmetic."),
            LogicalTypeKind.Money => new("DECIMAL(19,4)",
                "Exact, and never the MONEY type: MONEY keeps only 4 decimals in intermediate results, so multiplying and dividing MONEY values rounds (MONEY / MONEY loses precision)."),
            LogicalTypeKind.Float => new("REAL", "4-byte binary floating point: about 7 significant digits, inexact."),
            LogicalTypeKind.Double => new("FLOAT(53)", "8-byte binary floating point: about 15 significant digits, inexact."),
            LogicalTypeKind.Bool => new("BIT", "0 or 1; SQL Server has no boolean column type. Eight BIT columns share one byte."),
            LogicalTypeKind.Date => new("DATE", null),
            LogicalTypeKind.Time => new("TIME(7)", "Time of day without a zone."),
            LogicalTypeKind.Timestamp => new("DATETIMEOFFSET(7)",
                "An instant with its UTC offset (10 bytes): comparisons are made in UTC, so a client writing local time cannot shift values silently, which DATETIME2 'in UTC by convention' (8 bytes) allows. Defaults write SYSUTCDATETIME() at offset +00:00."),
            LogicalTypeKind.Json => new("NVARCHAR(MAX)",
                "SQL Server 2022 has no JSON type: JSON text with a CHECK (ISJSON(col) = 1). SQL Server 2025 adds a native json type (binary, validated); switch to it when the target is 2025."),
            LogicalTypeKind.Binary => new("VARBINARY(MAX)", "Up to 2 GB; IMAGE is deprecated."),
            LogicalTypeKind.Email => new("NVARCHAR(320)", "RFC 5321 limits an address to 64 (local part) + 1 + 255 (domain) characters."),
            LogicalTypeKind.Url => new("NVARCHAR(2048)", "2048 characters: the practical limit of browsers and servers. As an index key it can exceed the 1700-byte nonclustered key limit; longer values then fail to insert."),
            LogicalTypeKind.Enum => new($"NVARCHAR({Math.Max(1, type.EnumValues.Count == 0 ? 1 : type.EnumValues.Max(v => v.Length)).ToString(CultureInfo.InvariantCulture)})",
                "SQL Server has no enum type: NVARCHAR as long as the longest value, with a CHECK (col IN (…)) constraint; adding a value is a constraint swap."),
            LogicalTypeKind.Array => new("NVARCHAR(MAX)",
                "SQL Server has no array type: a JSON array in NVARCHAR(MAX) with a CHECK (ISJSON(col) = 1); query elements with OPENJSON. A child table is the relational alternative when elements are filtered often."),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown logical type."),
        };
    }

    private static NativeType String(int? length)
    {
        var n = length ?? throw new ArgumentException("string needs a length.", nameof(length));
        return n > MaxNVarChar
            ? new("NVARCHAR(MAX)", $"NVARCHAR(n) stops at {MaxNVarChar} characters; string({n.ToString(CultureInfo.InvariantCulture)}) needs NVARCHAR(MAX), which cannot be an index key.")
            : new($"NVARCHAR({n.ToString(CultureInfo.InvariantCulture)})",
                "Unicode (UTF-16, 2 bytes per character for most text). VARCHAR with a _UTF8 collation (SQL Server 2019+) halves the size of mostly-ASCII text, but depends on the column collation being set everywhere; NVARCHAR is correct under any collation.");
    }

    private static string Number(int? value) =>
        (value ?? throw new ArgumentException("The logical type lacks its length, precision or scale.", nameof(value)))
        .ToString(CultureInfo.InvariantCulture);
}
