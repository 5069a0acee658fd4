using System.Globalization;
using System.Text.RegularExpressions;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>
/// Whether a literal written in the file is a valid value of a logical type, and its stored (normalized) text.
/// Used for defaults and for the values of checks, so both accept exactly the same literals.
/// </summary>
internal static partial class LiteralRules
{
    [GeneratedRegex(@"^[+-]?(?<int>\d+)(?:\.(?<frac>\d+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})[Tt ](?<time>\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?)(?<zone>[Zz]|[+-]\d{2}(?::?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();

    private static readonly string[] TimeFormats = { "HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF" };

    /// <summary>Checks <paramref name="text"/> against a non-array, non-json type. Returns the reason it is refused, or null.</summary>
    public static string? Check(LogicalType type, string text, out string normalized)
    {
        normalized = text;
        switch (type.Kind)
        {
            case LogicalTypeKind.SmallInt:
                return Integer(text, short.MinValue, short.MaxValue, "a smallint", out normalized);
            case LogicalTypeKind.Int:
                return Integer(text, int.MinValue, int.MaxValue, "an int", out normalized);
            case LogicalTypeKind.BigInt:
                return Integer(text, long.MinValue, long.MaxValue, "a bigint", out normalized);
            case LogicalTypeKind.Decimal:
                return Decimal(text, type.Precision!.Value, type.Scale!.Value, type.ToString(), out normalized);
            case LogicalTypeKind.Money:
                return Decimal(text, 19, 4, "money (up to 4 decimal places)", out normalized);
            case LogicalTypeKind.Float:
            case LogicalTypeKind.Double:
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                    && (type.Kind == LogicalTypeKind.Double || float.IsFinite((float)number)))
                {
                    normalized = number.ToString("R", CultureInfo.InvariantCulture);
                    return null;
                }

                return $"'{text}' is not a finite number";
            case LogicalTypeKind.Bool:
                if (bool.TryParse(text, out var flag))
                {
                    normalized = flag ? "true" : "false";
                    return null;
                }

                return $"'{text}' is not true or false";
            case LogicalTypeKind.Enum:
                return type.EnumValues.Contains(text, StringComparer.Ordinal)
                    ? null
                    : $"'{text}' is not one of the enum's values ({string.Join(", ", type.EnumValues)})";
            case LogicalTypeKind.String:
            case LogicalTypeKind.Char:
                var length = text.EnumerateRunes().Count();
                return length <= type.Length!.Value ? null : $"'{text}' is {length} characters long, more than the {type.Length.Value} of {type}";
            case LogicalTypeKind.Text:
            case LogicalTypeKind.Email:
            case LogicalTypeKind.Url:
                return null;
            case LogicalTypeKind.Date:
            case LogicalTypeKind.Time:
            case LogicalTypeKind.Timestamp:
                normalized = text.Trim();
                return Temporal(type.Kind, normalized);
            case LogicalTypeKind.Uuid:
                if (Guid.TryParseExact(text.Trim(), "D", out var guid))
                {
                    normalized = guid.ToString("D");
                    return null;
                }

                return $"'{text}' is not a UUID like 0f8fad5b-d9cb-469f-a165-70867728950e";
            default:
                return $"{type} columns take no literal values";
        }
    }

    /// <summary>The numeric value of a literal already accepted for a numeric type (for ordering checks).</summary>
    public static double NumericValue(string normalized) => double.Parse(normalized, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>What a literal of the type looks like, for fixes.</summary>
    public static string Shape(LogicalType type) => type.Kind switch
    {
        LogicalTypeKind.SmallInt => "a whole number from -32768 to 32767",
        LogicalTypeKind.Int => "a whole number from -2147483648 to 2147483647",
        LogicalTypeKind.BigInt => "a whole number that fits in 64 bits",
        LogicalTypeKind.Decimal => $"a number with at most {type.Precision - type.Scale} digits before and {type.Scale} after the decimal point",
        LogicalTypeKind.Money => "a number with at most 4 decimal places",
        LogicalTypeKind.Float or LogicalTypeKind.Double => "a number such as 1.5 or 2e-3",
        LogicalTypeKind.Bool => "true or false",
        LogicalTypeKind.Enum => $"one of {string.Join(", ", type.EnumValues)}",
        LogicalTypeKind.String or LogicalTypeKind.Char => $"a text of at most {type.Length} characters",
        LogicalTypeKind.Date => "an ISO date like 2024-01-31",
        LogicalTypeKind.Time => "an ISO time like 13:45 or 13:45:30",
        LogicalTypeKind.Timestamp => "an ISO timestamp like 2024-01-31T13:45:00Z",
        LogicalTypeKind.Uuid => "a UUID like 0f8fad5b-d9cb-469f-a165-70867728950e",
        _ => "a text",
    };

    private static string? Integer(string text, long min, long max, string what, out string normalized)
    {
        normalized = text;
        if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            normalized = value.ToString(CultureInfo.InvariantCulture);
            return null;
        }

        return $"'{text}' is not {what} (a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)})";
    }

    private static string? Decimal(string text, int precision, int scale, string what, out string normalized)
    {
        normalized = text;
        var match = DecimalPattern().Match(text.Trim());
        if (!match.Success)
        {
            return $"'{text}' is not a decimal number";
        }

        var integerDigits = match.Groups["int"].Value.TrimStart('0').Length;
        var fractionDigits = match.Groups["frac"].Value.Length;
        if (fractionDigits > scale)
        {
            return $"'{text}' has {fractionDigits} decimal places, more than the {scale} of {what}";
        }

        if (integerDigits > precision - scale)
        {
            return $"'{text}' has {integerDigits} digits before the decimal point, more than the {precision - scale} {what} allows";
        }

        var integerPart = match.Groups["int"].Value.TrimStart('0');
        var fraction = match.Groups["frac"].Value;
        normalized = (text.TrimStart().StartsWith('-') ? "-" : string.Empty)
            + (integerPart.Length == 0 ? "0" : integerPart)
            + (fraction.Length == 0 ? string.Empty : "." + fraction);
        return null;
    }

    private static string? Temporal(LogicalTypeKind kind, string text)
    {
        switch (kind)
        {
            case LogicalTypeKind.Date:
                return DatePattern().IsMatch(text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null
                    : $"'{text}' is not an ISO date (yyyy-mm-dd)";
            case LogicalTypeKind.Time:
                return IsTime(text) ? null : $"'{text}' is not an ISO time (hh:mm or hh:mm:ss)";
            default:
                var match = TimestampPattern().Match(text);
                return match.Success
                    && DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    && IsTime(match.Groups["time"].Value)
                    && IsZone(match.Groups["zone"].Value)
                    ? null
                    : $"'{text}' is not an ISO timestamp (yyyy-mm-ddThh:mm:ss, optionally with Z or an offset)";
        }
    }

    private static bool IsTime(string text) =>
        TimePattern().IsMatch(text) && TimeOnly.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsZone(string zone)
    {
        if (zone.Length <= 1)
        {
            return true;
        }

        var digits = zone[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        var minutes = digits.Length > 2 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0;
        return hours <= 14 && minutes < 60;
    }
}
