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
}
