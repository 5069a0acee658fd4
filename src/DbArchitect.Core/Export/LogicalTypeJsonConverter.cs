using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Export;

/// <summary>
/// Writes a <see cref="LogicalType"/> as its canonical text ("string(200)", "decimal(12,2)", "enum(a, b)",
/// "array of int") and reads that text back, so design.json carries types the way the requirements file spells them.
/// </summary>
internal sealed class LogicalTypeJsonConverter : JsonConverter<LogicalType>
{
    public override LogicalType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("A logical type must be a string.");
        return Parse(text.Trim()) ?? throw new JsonException($"'{text}' is not a canonical logical type.");
    }

    public override void Write(Utf8JsonWriter writer, LogicalType value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());

    /// <summary>Parses only the canonical form <see cref="LogicalType.ToString"/> produces; null when it is not one.</summary>
    internal static LogicalType? Parse(string text)
    {
        const string arrayPrefix = "array of ";
        if (text.StartsWith(arrayPrefix, StringComparison.Ordinal))
        {
            var element = Parse(text[arrayPrefix.Length..]);
            return element is null ? null : LogicalType.ArrayOf(element);
        }

        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return Enum.TryParse<LogicalTypeKind>(text, ignoreCase: true, out var simple)
                && string.Equals(simple.ToString(), text, StringComparison.OrdinalIgnoreCase)
                && simple is not (LogicalTypeKind.String or LogicalTypeKind.Char or LogicalTypeKind.Decimal
                    or LogicalTypeKind.Enum or LogicalTypeKind.Array)
                ? LogicalType.Simple(simple)
                : null;
        }

        if (!text.EndsWith(')'))
        {
            return null;
        }

        var args = text[(open + 1)..^1].Split(',').Select(a => a.Trim()).ToArray();
        return text[..open] switch
        {
            "string" when args.Length == 1 && TryInt(args[0], out var n) => LogicalType.String(n),
            "char" when args.Length == 1 && TryInt(args[0], out var n) => LogicalType.Char(n),
            "decimal" when args.Length == 2 && TryInt(args[0], out var p) && TryInt(args[1], out var s) => LogicalType.Decimal(p, s),
            "enum" when args.All(a => a.Length > 0) => LogicalType.Enum(args),
            _ => null,
        };
    }

    private static bool TryInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
