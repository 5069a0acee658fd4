using YamlDotNet.RepresentationModel;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>Names elements in messages before they are fully read: "entity 'customer'" or "entity #3".</summary>
internal static class NodeNames
{
    public static string Describe(YamlMappingNode node, string kind, int index, string key = "name")
    {
        foreach (var (k, v) in node.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && name == key && v is YamlScalarNode { Value: { Length: > 0 } value })
            {
                return $"{kind} '{value}'";
            }
        }

        return $"{kind} #{index + 1}";
    }
}
