using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>
/// Validates an attribute's <c>default</c> against its type and turns it into a <see cref="DefaultSpec"/>. Literal text is
/// kept as written (strings may hold quotes, --, ; or any character): engines quote it, never splice it.
/// </summary>
internal static partial class DefaultParser
{
    private static readonly string[] NowWords = { "now", "current_timestamp", "current_date" };

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [GeneratedRegex(@"^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumberPattern();

    public static DefaultSpec? Parse(YamlNode node, LogicalType type, out ReadProblem? problem)
    {
        problem = null;
        string? reason;
        DefaultSpec? result;
        switch (type.Kind)
        {
            case LogicalTypeKind.Json:
                result = ParseJson(node, out reason);
                break;
            case LogicalTypeKind.Array:
                result = ParseArray(node, type.Element!, out reason);
                break;
            case LogicalTypeKind.Binary:
                result = null;
                reason = "binary columns cannot have a default in format 1";
                break;
            default:
                result = ParseScalar(node, type, out reason);
                break;
        }

        if (result is null)
        {
            problem = new ReadProblem(ErrorIds.InvalidDefault, $"The default does not fit the type {type}: {reason}.", FixFor(type));
        }

        return result;
    }

    private static DefaultSpec? ParseScalar(YamlNode node, LogicalType type, out string? reason)
    {
        if (node is not YamlScalarNode { Value: { } text })
        {
            reason = $"it is {YamlValues.Describe(node)}, not a single value";
            return null;
        }

        if (type.IsTemporal && NowWords.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            reason = null;
            return new DefaultSpec(DefaultKind.Now, null);
        }

        if (type.Kind == LogicalTypeKind.Uuid && string.Equals(text.Trim(), "random", StringComparison.OrdinalIgnoreCase))
        {
            reason = null;
            return new DefaultSpec(DefaultKind.RandomUuid, null);
        }

        reason = LiteralRules.Check(type, text, out var normalized);
        return reason is null ? new DefaultSpec(DefaultKind.Literal, normalized) : null;
    }

    private static DefaultSpec? ParseJson(YamlNode node, out string? reason)
    {
        reason = null;
        if (node is YamlScalarNode { Value: { } text })
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return new DefaultSpec(DefaultKind.Json, Write(document.RootElement.WriteTo));
            }
            catch (JsonException ex)
            {
                reason = $"'{text}' is not valid JSON ({ex.Message.Split('.')[0]})";
                return null;
            }
        }

        try
        {
            return new DefaultSpec(DefaultKind.Json, Write(writer => WriteYaml(writer, node)));
        }
        catch (InvalidOperationException)
        {
            reason = "the document is nested too deeply to store as JSON";
            return null;
        }
    }

    private static DefaultSpec? ParseArray(YamlNode node, LogicalType element, out string? reason)
    {
        reason = null;
        if (node is not YamlSequenceNode sequence)
        {
            reason = $"it is {YamlValues.Describe(node)}; an array default is a YAML list such as [a, b]";
            return null;
        }

        var items = new List<(string Text, YamlNode Node)>();
        foreach (var item in sequence.Children)
        {
            if (element.Kind == LogicalTypeKind.Json)
            {
                items.Add((string.Empty, item));
                continue;
            }

            if (item is not YamlScalarNode { Value: { } text })
            {
                reason = $"an item is {YamlValues.Describe(item)}, not a single {element} value";
                return null;
            }

            if (LiteralRules.Check(element, text, out var normalized) is { } itemReason)
            {
                reason = "an item does not fit: " + itemReason;
                return null;
            }

            items.Add((normalized, item));
        }

        var json = Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var (text, item) in items)
            {
                if (element.Kind == LogicalTypeKind.Json)
                {
                    WriteYaml(writer, item);
                }
                else if (element.IsNumeric)
                {
                    writer.WriteRawValue(text);
                }
                else if (element.Kind == LogicalTypeKind.Bool)
                {
                    writer.WriteBooleanValue(text == "true");
                }
                else
                {
                    writer.WriteStringValue(text);
                }
            }

            writer.WriteEndArray();
        });
        return new DefaultSpec(DefaultKind.Literal, json);
    }

    /// <summary>Writes a YAML node as JSON: unquoted null/true/false/numbers keep their JSON kind, everything else is a string.</summary>
    internal static void WriteYaml(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    writer.WritePropertyName((key as YamlScalarNode)?.Value ?? string.Empty);
                    WriteYaml(writer, value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    WriteYaml(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar when YamlValues.IsNull(scalar):
                writer.WriteNullValue();
                break;
            case YamlScalarNode scalar when YamlValues.IsPlain(scalar) && bool.TryParse(scalar.Value, out var flag):
                writer.WriteBooleanValue(flag);
                break;
            case YamlScalarNode scalar when YamlValues.IsPlain(scalar) && JsonNumberPattern().IsMatch(scalar.Value ?? string.Empty):
                writer.WriteRawValue(scalar.Value!);
                break;
            case YamlScalarNode scalar:
                writer.WriteStringValue(scalar.Value);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string FixFor(LogicalType type) => type.Kind switch
    {
        LogicalTypeKind.Json => "Write the default as a YAML mapping or list, or as a string holding valid JSON, e.g. default: { theme: dark }.",
        LogicalTypeKind.Array => $"Write the default as a YAML list of {type.Element} values, e.g. default: [] .",
        LogicalTypeKind.Binary => "Remove the default, or use another type.",
        LogicalTypeKind.Uuid => "Use random for a generated UUID, or a UUID literal like 0f8fad5b-d9cb-469f-a165-70867728950e.",
        LogicalTypeKind.Date or LogicalTypeKind.Time or LogicalTypeKind.Timestamp =>
            $"Use now (or current_timestamp / current_date) for the current time, or {LiteralRules.Shape(type)}.",
        _ => $"Write {LiteralRules.Shape(type)}.",
    };
}
