using System.Globalization;

namespace DbArchitect.Core.Requirements;

public enum LogicalTypeKind
{
    Uuid, String, Text, Char, SmallInt, Int, BigInt, Decimal, Money, Float, Double, Bool,
    Date, Time, Timestamp, Json, Binary, Email, Url, Enum, Array,
}

/// <summary>
/// An engine-neutral column type from the requirements file. A closed set: every engine maps each kind to its best
/// native type. Equality is by canonical text, so two parses of "decimal(12,2)" are equal.
/// </summary>
public sealed class LogicalType : IEquatable<LogicalType>
{
    private LogicalType(LogicalTypeKind kind, int? length, int? precision, int? scale, IReadOnlyList<string> enumValues, LogicalType? element)
    {
        Kind = kind;
        Length = length;
        Precision = precision;
        Scale = scale;
        EnumValues = enumValues;
        Element = element;
    }

    public LogicalTypeKind Kind { get; }

    /// <summary>Declared length for string(n) and char(n).</summary>
    public int? Length { get; }

    public int? Precision { get; }

    public int? Scale { get; }

    public IReadOnlyList<string> EnumValues { get; }

    /// <summary>Element type of an array.</summary>
    public LogicalType? Element { get; }

    public bool IsNumeric => Kind is LogicalTypeKind.SmallInt or LogicalTypeKind.Int or LogicalTypeKind.BigInt
        or LogicalTypeKind.Decimal or LogicalTypeKind.Money or LogicalTypeKind.Float or LogicalTypeKind.Double;

    public bool IsInteger => Kind is LogicalTypeKind.SmallInt or LogicalTypeKind.Int or LogicalTypeKind.BigInt;

    public bool IsTextual => Kind is LogicalTypeKind.String or LogicalTypeKind.Text or LogicalTypeKind.Char
        or LogicalTypeKind.Email or LogicalTypeKind.Url or LogicalTypeKind.Enum;

    public bool IsTemporal => Kind is LogicalTypeKind.Date or LogicalTypeKind.Time or LogicalTypeKind.Timestamp;

    public static LogicalType Simple(LogicalTypeKind kind) => kind switch
    {
        LogicalTypeKind.String or LogicalTypeKind.Char or LogicalTypeKind.Decimal or LogicalTypeKind.Enum or LogicalTypeKind.Array =>
            throw new ArgumentException($"{kind} needs arguments; use its own factory.", nameof(kind)),
        _ => new LogicalType(kind, null, null, null, Array.Empty<string>(), null),
    };

    public static LogicalType String(int length) => new(LogicalTypeKind.String, length, null, null, Array.Empty<string>(), null);

    public static LogicalType Char(int length) => new(LogicalTypeKind.Char, length, null, null, Array.Empty<string>(), null);

    public static LogicalType Decimal(int precision, int scale) => new(LogicalTypeKind.Decimal, null, precision, scale, Array.Empty<string>(), null);

    public static LogicalType Enum(IReadOnlyList<string> values) => new(LogicalTypeKind.Enum, null, null, null, values, null);

    public static LogicalType ArrayOf(LogicalType element) => new(LogicalTypeKind.Array, null, null, null, Array.Empty<string>(), element);

    public static readonly LogicalType Uuid = Simple(LogicalTypeKind.Uuid);
    public static readonly LogicalType Text = Simple(LogicalTypeKind.Text);
    public static readonly LogicalType SmallInt = Simple(LogicalTypeKind.SmallInt);
    public static readonly LogicalType Int = Simple(LogicalTypeKind.Int);
    public static readonly LogicalType BigInt = Simple(LogicalTypeKind.BigInt);
    public static readonly LogicalType Money = Simple(LogicalTypeKind.Money);
    public static readonly LogicalType Bool = Simple(LogicalTypeKind.Bool);
    public static readonly LogicalType Timestamp = Simple(LogicalTypeKind.Timestamp);
    public static readonly LogicalType Json = Simple(LogicalTypeKind.Json);

    /// <summary>Canonical text, the same form the requirements file uses: string(200), decimal(12,2), enum(a, b), array of int.</summary>
    public override string ToString() => Kind switch
    {
        LogicalTypeKind.String => $"string({Length!.Value.ToString(CultureInfo.InvariantCulture)})",
        LogicalTypeKind.Char => $"char({Length!.Value.ToString(CultureInfo.InvariantCulture)})",
        LogicalTypeKind.Decimal => $"decimal({Precision!.Value.ToString(CultureInfo.InvariantCulture)},{Scale!.Value.ToString(CultureInfo.InvariantCulture)})",
        LogicalTypeKind.Enum => $"enum({string.Join(", ", EnumValues)})",
        LogicalTypeKind.Array => $"array of {Element}",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    public bool Equals(LogicalType? other) => other is not null && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as LogicalType);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    public static bool operator ==(LogicalType? left, LogicalType? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(LogicalType? left, LogicalType? right) => !(left == right);
}
