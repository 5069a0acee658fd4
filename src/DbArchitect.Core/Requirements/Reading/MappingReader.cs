using System.Globalization;
using DbArchitect.Core.Errors;
using YamlDotNet.RepresentationModel;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>
/// Reads one YAML mapping of the format: refuses keys it does not know (with a "did you mean"), and returns typed
/// values, reporting a located error and returning null for anything of the wrong kind or out of range.
/// </summary>
internal sealed class MappingReader
{
    private readonly ReaderContext _context;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    public MappingReader(ReaderContext context, YamlMappingNode node, string what, IReadOnlyList<string> allowedKeys)
    {
        _context = context;
        Node = node;
        What = what;
        foreach (var (keyNode, valueNode) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalarKey)
            {
                context.Report(ErrorIds.InvalidValue, ErrorKind.InvalidData, $"A key in {what} is {YamlValues.Describe(keyNode)}; keys must be plain words.",
                    $"Use one of the keys allowed here: {string.Join(", ", allowedKeys)}.", keyNode);
                continue;
            }

            if (!allowedKeys.Contains(key, StringComparer.Ordinal))
            {
                var hint = Suggestions.Closest(key, allowedKeys);
                context.Report(ErrorIds.UnknownKey, ErrorKind.InvalidData,
                    $"Unknown key '{key}' in {what}." + (hint is null ? string.Empty : $" Did you mean '{hint}'?"),
                    (hint is null ? "Remove it." : $"Rename it to '{hint}'.") + $" Keys allowed here: {string.Join(", ", allowedKeys)}.",
                    scalarKey, key);
                continue;
            }

            _entries[key] = (scalarKey, valueNode);
        }
    }

    public YamlMappingNode Node { get; }

    /// <summary>How messages name this mapping, e.g. "entity 'customer'".</summary>
    public string What { get; }

    public SourceLocation Location => _context.At(Node);

    /// <summary>The value node of a key, or null when the key is absent or its value is YAML null.</summary>
    public YamlNode? Value(string key) => _entries.TryGetValue(key, out var entry) && !YamlValues.IsNull(entry.Value) ? entry.Value : null;

    /// <summary>The node a key-level error points at: the key itself when present, else the mapping.</summary>
    public YamlNode KeyNode(string key) => _entries.TryGetValue(key, out var entry) ? entry.Key : Node;

    /// <summary>Reports MissingRequiredKey (at the mapping, or at the key when it is present but empty).</summary>
    public void ReportMissing(string key, string fix) =>
        _context.Report(ErrorIds.MissingRequiredKey, ErrorKind.InvalidData, $"{Messages.Capitalize(What)} has no '{key}'; it is required.", fix, KeyNode(key), key);

    public YamlScalarNode? Scalar(string key, string expected)
    {
        var node = Value(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar;
        }

        Invalid(key, node, expected);
        return null;
    }

    public string? String(string key) => Scalar(key, "a text")?.Value;

    public string? RequiredString(string key, string fix)
    {
        var node = Value(key);
        if (node is null)
        {
            ReportMissing(key, fix);
            return null;
        }

        return Scalar(key, "a text")?.Value;
    }

    public bool? Bool(string key)
    {
        var scalar = Scalar(key, "true or false");
        if (scalar is null)
        {
            return null;
        }

        if (YamlValues.IsPlain(scalar) && bool.TryParse(scalar.Value, out var value))
        {
            return value;
        }

        Invalid(key, scalar, "true or false");
        return null;
    }

    /// <summary>A whole number within [min, max].</summary>
    public long? Integer(string key, long min, long max, string expected)
    {
        var scalar = Scalar(key, expected);
        if (scalar is null)
        {
            return null;
        }

        if (YamlValues.IsPlain(scalar)
            && long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }

        Invalid(key, scalar, expected);
        return null;
    }

    /// <summary>A row count: a whole number from 0 to <see cref="InputLimits.MaxRows"/>; negative ones are NegativeVolume.</summary>
    public long? Volume(string key)
    {
        const string expected = "a whole number of rows from 0 to 10000000000000 (10¹³)";
        var scalar = Scalar(key, expected);
        if (scalar is null)
        {
            return null;
        }

        if (YamlValues.IsPlain(scalar) && long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            if (value > InputLimits.MaxRows)
            {
                Invalid(key, scalar, expected);
                return null;
            }

            if (value >= 0)
            {
                return value;
            }

            _context.Report(ErrorIds.NegativeVolume, ErrorKind.InvalidData, $"'{key}' of {What} is {scalar.Value}; a volume cannot be negative.",
                $"Write a row count of 0 or more for '{key}'.", scalar, scalar.Value);
            return null;
        }

        Invalid(key, scalar, expected);
        return null;
    }

    /// <summary>A finite number up to <paramref name="max"/>; <paramref name="minExclusive"/> refuses the minimum itself.</summary>
    public double? Number(string key, double min, bool minExclusive, double max, string expected)
    {
        var scalar = Scalar(key, expected);
        if (scalar is null)
        {
            return null;
        }

        if (YamlValues.IsPlain(scalar)
            && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) && (minExclusive ? value > min : value >= min) && value <= max)
        {
            return value;
        }

        Invalid(key, scalar, expected);
        return null;
    }

    public YamlSequenceNode? Sequence(string key, string expected)
    {
        var node = Value(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlSequenceNode sequence)
        {
            return sequence;
        }

        Invalid(key, node, expected);
        return null;
    }

    public YamlMappingNode? Mapping(string key, string expected)
    {
        var node = Value(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }

        Invalid(key, node, expected);
        return null;
    }

    /// <summary>One of a closed set of words, matched case-insensitively; InvalidEnumValue with a "did you mean" otherwise.</summary>
    public T? Enum<T>(string key, IReadOnlyList<EnumWord<T>> choices)
        where T : struct
    {
        var words = choices.Select(c => c.Text).ToArray();
        var scalar = Scalar(key, "one of: " + string.Join(", ", words));
        if (scalar?.Value is not { } text)
        {
            return null;
        }

        foreach (var (word, value) in choices)
        {
            if (string.Equals(word, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        _context.Report(ErrorIds.InvalidEnumValue, ErrorKind.InvalidData,
            $"'{text}' is not a valid '{key}' for {What}." + Suggestions.DidYouMean(text, words),
            $"Use one of: {string.Join(", ", words)}.", scalar, text);
        return null;
    }

    public void Invalid(string key, YamlNode node, string expected) =>
        _context.Report(ErrorIds.InvalidValue, ErrorKind.InvalidData, $"'{key}' of {What} is {YamlValues.Describe(node)}; expected {expected}.",
            $"Write {expected} for '{key}'.", node, (node as YamlScalarNode)?.Value);

}
