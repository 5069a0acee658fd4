using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Design;

/// <summary>
/// The typical content of a value, before any engine overhead: how many characters a string holds, how large a JSON
/// document is. Fixed-width types need no entry. These are assumptions, stated as data in one place so the capacity
/// forecast and the sample-data generator agree, and so a caller can override them (<c>TypicalValues.Default with { Text = 400 }</c>).
/// </summary>
public sealed record TypicalValues
{
    public static TypicalValues Default { get; } = new();

    /// <summary>Share of its declared length a string(n) value fills on average.</summary>
    public double StringFill { get; init; } = 0.5;

    /// <summary>Characters of an e-mail address.</summary>
    public int Email { get; init; } = 24;

    /// <summary>Characters of a URL.</summary>
    public int Url { get; init; } = 60;

    /// <summary>Characters of a free text value.</summary>
    public int Text { get; init; } = 120;

    /// <summary>Bytes of a JSON document as stored (binary JSON is about as large as its compact text).</summary>
    public int Json { get; init; } = 200;

    /// <summary>Bytes of a binary value.</summary>
    public int Binary { get; init; } = 256;

    /// <summary>Elements of an array value.</summary>
    public int ArrayElements { get; init; } = 3;

    /// <summary>Integer digits of a decimal value (amounts in the thousands); its fraction fills the declared scale.</summary>
    public int DecimalIntegerDigits { get; init; } = 4;

    /// <summary>Distinct dates a date column holds (ten years of days).</summary>
    public int DistinctDates { get; init; } = 3653;

    /// <summary>Characters of a textual value of <paramref name="type"/> (strings, text, e-mail, URL, enum, char); 0 for other kinds.</summary>
    public int Characters(LogicalType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            LogicalTypeKind.String => Math.Max(1, (int)Math.Round(type.Length!.Value * StringFill, MidpointRounding.AwayFromZero)),
            LogicalTypeKind.Char => type.Length!.Value,
            LogicalTypeKind.Text => Text,
            LogicalTypeKind.Email => Email,
            LogicalTypeKind.Url => Url,
            LogicalTypeKind.Enum => (int)Math.Round(type.EnumValues.Average(v => (double)System.Text.Encoding.UTF8.GetByteCount(v)), MidpointRounding.AwayFromZero),
            _ => 0,
        };
    }

    /// <summary>True when a live row typically holds NULL in the column: the soft-delete marker of rows not deleted.</summary>
    public static bool TypicallyNull(Column column) => column.Role == ColumnRole.DeletedAt;

    /// <summary>
    /// Characters of a textual value, bytes of a JSON or binary one, for this column: what its profile states (the
    /// requirements' avgLength or live statistics), else a semantic default for what its name says it holds (a person's
    /// name is not half of string(200)), else the type's default. 0 for fixed-width types.
    /// </summary>
    public int Size(Column column) => Measure(column, describe: false).Size;

    /// <summary>Share of rows whose value is NULL: the profile's figure, else 1 for the soft-delete marker and 0 (present) otherwise.</summary>
    public double NullShare(Column column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Profile?.NullShare ?? (TypicallyNull(column) ? 1 : 0);
    }

    /// <summary>
    /// Bytes of a column's value in an engine whose width of a type is <paramref name="typeWidth"/>: the column's own
    /// <see cref="Size"/> for text, JSON and binary values, the type's width otherwise (enums are the engine's business).
    /// </summary>
    public int Width(Column column, Func<LogicalType, int> typeWidth)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(typeWidth);
        return Size(column) is > 0 and var size && column.Type.Kind != LogicalTypeKind.Enum ? size : typeWidth(column.Type);
    }

    /// <summary><see cref="Width"/> weighted by the share of rows that hold a value: what the value adds to a typical row.</summary>
    public int ExpectedWidth(Column column, Func<LogicalType, int> typeWidth) => Expected(column, Width(column, typeWidth));

    /// <summary>
    /// <paramref name="bytesWhenPresent"/> weighted by the share of rows that hold a value (a NULL stores nothing), for
    /// engines that size a present value their own way.
    /// </summary>
    public int Expected(Column column, int bytesWhenPresent) =>
        (int)Math.Round((1 - NullShare(column)) * bytesWhenPresent, MidpointRounding.AwayFromZero);

    /// <summary>The size of <see cref="Size"/> with where it comes from, for the forecast's stated assumptions.</summary>
    public (int Size, string Basis) SizeAndBasis(Column column)
    {
        var (size, basis) = Measure(column, describe: true);
        return (size, basis!);
    }

    /// <summary>The size, with its basis only when <paramref name="describe"/>: every layer asks for sizes, only the assumptions say why.</summary>
    private (int Size, string? Basis) Measure(Column column, bool describe)
    {
        ArgumentNullException.ThrowIfNull(column);
        var type = column.Type;
        if (type.Kind is not (LogicalTypeKind.String or LogicalTypeKind.Char or LogicalTypeKind.Text or LogicalTypeKind.Email
            or LogicalTypeKind.Url or LogicalTypeKind.Enum or LogicalTypeKind.Json or LogicalTypeKind.Binary))
        {
            return (0, "fixed width");
        }

        if (column.Profile?.AverageLength is { } stated && type.Kind is not LogicalTypeKind.Enum)
        {
            return (stated, describe ? "from " + column.Profile.Source : null);
        }

        if (type.Kind is LogicalTypeKind.String or LogicalTypeKind.Text && SemanticWidths.Of(column.Name) is { } semantic)
        {
            var size = type.Length is { } declared ? Math.Min(declared, semantic.Characters) : semantic.Characters;
            return (size, describe ? $"typical {semantic.Meaning}" : null);
        }

        return type.Kind switch
        {
            LogicalTypeKind.Json => (Json, "typical JSON document"),
            LogicalTypeKind.Binary => (Binary, "typical binary value"),
            _ => (Characters(type), "type default"),
        };
    }
}
