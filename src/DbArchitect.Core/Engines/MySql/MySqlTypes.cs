using System.Globalization;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>Logical types → MySQL 8.0 / MariaDB 10.11 column types, each with the trade-off behind the choice.</summary>
public sealed class MySqlTypes : ITypeMapper
{
    private readonly MySqlDialect _dialect;

    public MySqlTypes(MySqlDialect dialect) => _dialect = dialect ?? throw new ArgumentNullException(nameof(dialect));

    public NativeType Map(LogicalType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            LogicalTypeKind.Uuid => _dialect.IsMariaDb
                ? new("UUID", "MariaDB 10.7+ native 16-byte UUID; it stores time-based (v1) values with the time parts swapped, so UUID() keys arrive in index order and do not split InnoDB's clustered primary key pages at random.")
                : new("BINARY(16)", "16 bytes instead of 36 for CHAR(36); filled with UUID_TO_BIN(UUID(), 1), whose swap flag puts the time part first so keys arrive in order: a random key would insert all over InnoDB's clustered primary key and every secondary index carries it."),
            LogicalTypeKind.String => new($"VARCHAR({Number(type.Length)})", null),
            LogicalTypeKind.Text => new("TEXT", "Up to 65,535 bytes (about 16,000 utf8mb4 characters) stored off-page when long; an index on it needs a prefix length."),
            LogicalTypeKind.Char => new($"CHAR({Number(type.Length)})", "Fixed length as asked; with utf8mb4 InnoDB stores CHAR as variable length anyway, so VARCHAR is usually the better choice."),
            LogicalTypeKind.SmallInt => new("SMALLINT", null),
            LogicalTypeKind.Int => new("INT", null),
            LogicalTypeKind.BigInt => new("BIGINT", null),
            LogicalTypeKind.Decimal => new($"DECIMAL({Number(type.Precision)},{Number(type.Scale)})", "Exact decimal arithmetic."),
            LogicalTypeKind.Money => new("DECIMAL(19,4)", "Exact: never FLOAT or DOUBLE; 19 digits with 4 decimals holds any currency amount and rounding of shares."),
            LogicalTypeKind.Float => new("FLOAT", "4-byte binary floating point: about 6 significant digits, inexact."),
            LogicalTypeKind.Double => new("DOUBLE", "8-byte binary floating point: about 15 significant digits, inexact."),
            LogicalTypeKind.Bool => new("TINYINT(1)", "MySQL and MariaDB have no boolean type: BOOLEAN is an alias of TINYINT(1) (1 byte, TRUE = 1); the column is written as what the server stores."),
            LogicalTypeKind.Date => new("DATE", null),
            LogicalTypeKind.Time => new("TIME(6)", "Time of day with microseconds."),
            LogicalTypeKind.Timestamp => new(
                "DATETIME(6)",
                "An instant in UTC with microseconds. Not TIMESTAMP: it ends at 2038-01-19 03:14:07 UTC and converts to and from the session time zone, so the stored value depends on a setting; DATETIME stores what it is given, so the server runs with time_zone = '+00:00' (see config) and applications write UTC."),
            LogicalTypeKind.Json => _dialect.IsMariaDb
                ? new("JSON", "In MariaDB JSON is an alias of LONGTEXT with an automatic CHECK (JSON_VALID(column)): validated text, not a binary format; index a path through a generated column.")
                : new("JSON", "Native binary JSON: validated on write, partial in-place updates; index a path through a generated column or a multi-valued index."),
            LogicalTypeKind.Binary => new("LONGBLOB", "Binary data up to 4 GB, stored off-page when long."),
            LogicalTypeKind.Email => new("VARCHAR(320)", "RFC 5321 limits an address to 64 (local part) + 1 + 255 (domain) characters; a CHECK with REGEXP rejects text without an @."),
            LogicalTypeKind.Url => new("VARCHAR(2048)", "2048 characters: the practical limit of browsers and servers; longer than InnoDB's 3072-byte index key at 4 bytes per character, so an index on it uses a prefix."),
            LogicalTypeKind.Enum => new(
                $"VARCHAR({EnumLength(type)})",
                "VARCHAR with a CHECK listing the values, not ENUM: ENUM sorts by member position rather than by text, stores '' for a bad value when strict mode is off, and removing or reordering a member rebuilds the table; the CHECK is swapped in one ALTER."),
            LogicalTypeKind.Array => new(
                "JSON",
                "Neither server has arrays: a JSON array with a CHECK that JSON_TYPE is ARRAY; members are tested with JSON_CONTAINS (MySQL 8.0.17+ can index them with a multi-valued index)."),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown logical type."),
        };
    }

    /// <summary>The longest member (at least 1), so the column holds every value and nothing else is wasted.</summary>
    private static string EnumLength(LogicalType type) =>
        Math.Max(1, type.EnumValues.Count == 0 ? 50 : type.EnumValues.Max(v => v.Length)).ToString(CultureInfo.InvariantCulture);

    private static string Number(int? value) =>
        (value ?? throw new ArgumentException("The logical type lacks its length, precision or scale.", nameof(value)))
        .ToString(CultureInfo.InvariantCulture);
}
