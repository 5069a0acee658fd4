using System.Text;
using DbArchitect.Core.Diagrams;
using DbArchitect.Core.Model.KeyValue;

namespace DbArchitect.Core.Engines.Redis;

/// <summary>er.mmd of a key-value design: one box per key family (structure and key pattern), a line from each derived family to the entity family whose ids it holds.</summary>
internal static class RedisDiagram
{
    public static string Render(KeyValueModel model)
    {
        var ids = MermaidIdentifiers.ForEntities(model.Families.Select(f => f.Name));
        var text = new StringBuilder("erDiagram\n");
        foreach (var family in model.Families)
        {
            text.Append("    ").Append(ids[family.Name]).Append(" {\n");
            text.Append("        ").Append(Token(family.Structure)).Append(" key \"").Append(MermaidText.Shorten(family.Pattern)).Append("\"\n");
            text.Append("    }\n");
        }

        // Each entity's first entity or feed family, keyed once: a search per derived family was quadratic.
        var owners = new Dictionary<string, KeyFamily>(StringComparer.Ordinal);
        foreach (var family in model.Families.Where(f => f.Purpose is KeyFamilyPurpose.Entity or KeyFamilyPurpose.Feed))
        {
            owners.TryAdd(family.Entity, family);
        }

        foreach (var family in model.Families.Where(f => f.Purpose is not (KeyFamilyPurpose.Entity or KeyFamilyPurpose.Feed)))
        {
            if (owners.GetValueOrDefault(family.Entity) is { } owner)
            {
                text.Append("    ").Append(ids[family.Name]).Append(" }o--|| ").Append(ids[owner.Name]).Append(" : \"")
                    .Append(MermaidText.Shorten(family.Purpose.ToString().ToLowerInvariant())).Append("\"\n");
            }
        }

        return text.ToString();
    }

    private static string Token(ValueStructure structure) => structure switch
    {
        ValueStructure.SortedSet => "sorted_set",
        _ => structure.ToString().ToLowerInvariant(),
    };
}
