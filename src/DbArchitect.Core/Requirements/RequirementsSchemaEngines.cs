using System.Text;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Requirements.Reading;

namespace DbArchitect.Core.Requirements;

/// <summary>
/// The <c>engine</c> property of module/schemas/requirements.schema.json, written from the engine registry so editors
/// offer exactly the engines the reader accepts: the ids as an enum (what completion lists) and the same words in any
/// case as a pattern (the reader ignores case). The rest of the schema is written by hand; a test keeps this block of
/// the committed file equal to <see cref="Property"/> and rewrites it with DBARCHITECT_UPDATE_GOLDEN=1.
/// </summary>
public static class RequirementsSchemaEngines
{
    private const string Start = "    \"engine\": {\n";
    private const string End = "\n    },\n";

    /// <summary>The words the engine key accepts: auto, then every registered engine id in the registry's order.</summary>
    public static IReadOnlyList<string> Words => EngineRegistry.KnownEngineIds.Prepend(SettingsReader.AutoEngine).ToArray();

    /// <summary>The property's JSON text as it stands in the schema's root properties (four-space indent, no trailing comma).</summary>
    public static string Property()
    {
        var json = new StringBuilder();
        json.Append(Start)
            .Append("      \"description\": \"Target database engine (case-insensitive), or auto to let DbArchitect choose from the workload.\",\n")
            .Append("      \"type\": \"string\",\n")
            .Append("      \"anyOf\": [\n")
            .Append("        {\n")
            .Append("          \"enum\": [\n")
            .Append(string.Join(",\n", Words.Select(w => "            \"" + w + "\""))).Append('\n')
            .Append("          ]\n")
            .Append("        },\n")
            .Append("        {\n")
            .Append("          \"pattern\": \"^\\\\s*(?:").Append(string.Join("|", Words.Select(AnyCase))).Append(")\\\\s*$\"\n")
            .Append("        }\n")
            .Append("      ],\n")
            .Append("      \"default\": \"").Append(SettingsReader.AutoEngine).Append("\"\n")
            .Append("    }");
        return json.ToString();
    }

    /// <summary>The schema text with its engine property replaced by <see cref="Property"/>; the rest is kept byte for byte.</summary>
    public static string Apply(string schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var text = schema.Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf(End, start, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new InvalidOperationException("The requirements schema has no root \"engine\" property at four spaces' indent.");
        }

        return text[..start] + Property() + text[(end + "\n    }".Length)..];
    }

    private static string AnyCase(string word) =>
        string.Concat(word.Select(c => char.IsLetter(c) ? $"[{c}{char.ToUpperInvariant(c)}]" : new string(c, 1)));
}
