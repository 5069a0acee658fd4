using System.Globalization;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>Logical types → PostgreSQL 15 types, each with the trade-off behind the choice where there is one.</summary>
public sealed class PostgreSqlTypes : ITypeMapper
{
    public NativeType Map(LogicalType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            LogicalTypeKind.Uuid => new("uuid", "Native 16-byte uuid; gen_random_uuid() is built in since PostgreSQL 13."),
            LogicalTypeKind.String => new($"varchar({Number(type.Length)})", null),
            LogicalTypeKind.Text => new("text", null),
            LogicalTypeKind.Char => new(
                $"char({Number(type.Length)})",
                "Fixed length as asked; char pads with blanks and compares ignoring them, so varchar is usually the better choice."),
            LogicalTypeKind.SmallInt => new("smallint", null),
            LogicalTypeKind.Int => new("integer", null),
            LogicalTypeKind.BigInt => new("bigint", null),
            LogicalTypeKind.Decimal => new($"numeric({Number(type.Precision)},{Number(type.Scale)})", "Exact decimal arithmetic."),
            LogicalTypeKind.Money => new(
                "numeric(19,4)",
                "Exact: never a float, and not the PostgreSQL money type, whose input and output depend on lc_monetary."),
            LogicalTypeKind.Float => new("real", "4-byte binary floating point: about 6 significant digits, inexact."),
            LogicalTypeKind.Double => new("double precision", "8-byte binary floating point: about 15 significant digits, inexact."),
            LogicalTypeKind.Bool => new("boolean", null),
            LogicalTypeKind.Date => new("date", null),
            LogicalTypeKind.Time => new("time", "Time of day without a zone; timetz is discouraged by the PostgreSQL manual."),
            LogicalTypeKind.Timestamp => new(
                "timestamptz",
                "Stores an instant (UTC internally), so values are immune to the session time zone; timestamp without time zone is not."),
            LogicalTypeKind.Json => new(
                "jsonb",
                "Binary JSON: parsed once, compared by value, and indexable with GIN; json keeps the text verbatim and cannot be indexed."),
            LogicalTypeKind.Binary => new("bytea", null),
            LogicalTypeKind.Email => new("varchar(320)", "RFC 5321 limits an address to 64 (local part) + 1 + 255 (domain) characters."),
            LogicalTypeKind.Url => new("varchar(2048)", "2048 characters: the practical limit of browsers and servers; longer values are rejected, not truncated."),
            LogicalTypeKind.Enum => new(
                "text",
                "A CHECK constraint lists the values: adding one is a constraint swap, while ALTER TYPE ... ADD VALUE cannot run in a transaction block before PostgreSQL 12 and an enum value can never be removed."),
            LogicalTypeKind.Array => MapArray(type),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown logical type."),
        };
    }

    private NativeType MapArray(LogicalType type)
    {
        var element = type.Element ?? throw new ArgumentException("An array type needs an element type.", nameof(type));
        if (element.Kind == LogicalTypeKind.Array)
        {
            throw new ArgumentException("Arrays of arrays are not supported; PostgreSQL arrays are multi-dimensional already.", nameof(type));
        }

        var mapped = Map(element);
        var reason = "A native array of " + mapped.Sql + "; query it with = ANY, @> and <@, which a GIN index supports.";
        return new(mapped.Sql + "[]", mapped.Reason is null ? reason : reason + " Element: " + mapped.Reason);
    }

    private static string Number(int? value) =>
        (value ?? throw new ArgumentException("The logical type lacks its length, precision or scale.", nameof(value)))
        .ToString(CultureInfo.InvariantCulture);
}
