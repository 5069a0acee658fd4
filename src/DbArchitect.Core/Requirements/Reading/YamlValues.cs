using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>Small facts about YAML nodes that every reader needs.</summary>
internal static class YamlValues
{
    /// <summary>True for an empty value, ~ or null written without quotes: YAML's null, read as "not given".</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && (scalar.Value is null || scalar.Value.Length == 0 || scalar.Value == "~"
            || string.Equals(scalar.Value, "null", StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the scalar was written without quotes (so 12 is a number and true a bool).</summary>
    public static bool IsPlain(YamlScalarNode scalar) => scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;

    /// <summary>How a DBA would name the kind of node in a message.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar when IsNull(scalar) => "an empty value",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        _ => "an alias",
    };
}
