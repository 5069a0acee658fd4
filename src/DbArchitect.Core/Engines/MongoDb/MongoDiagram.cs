using System.Text;
using DbArchitect.Core.Diagrams;
using DbArchitect.Core.Model.Document;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.MongoDb;

/// <summary>
/// Mermaid erDiagram of a document model: one box per collection with its top-level fields by bsonType, one box per
/// embedded sub-document (named holder.field), and a line per relationship labelled with its form.
/// </summary>
internal static class MongoDiagram
{
    private const string Indent = "    ";

    public static string Render(DocumentModel model)
    {
        var embedded = model.Relations.Where(r => r.Link == DocumentLink.Embed).ToList();
        var boxes = model.Collections.Select(c => (Name: c.Name, Fields: c.Fields))
            .Concat(embedded.Select(r => (Name: r.Holder + "." + r.Field, Fields: EmbeddedFields(model, r)))).ToList();
        var entityNames = EntityCollections(model);
        var ids = MermaidIdentifiers.ForEntities(boxes.Select(b => b.Name).Concat(entityNames.Values));
        var text = new StringBuilder("erDiagram\n");
        foreach (var (name, fields) in boxes)
        {
            text.Append(Indent).Append(ids[name]);
            if (!string.Equals(ids[name], name, StringComparison.Ordinal))
            {
                text.Append("[\"").Append(MermaidText.Quote(name)).Append("\"]");
            }

            text.Append(" {\n");
            var names = MermaidIdentifiers.ForAttributes(fields.Select(f => f.Name));
            foreach (var field in fields)
            {
                text.Append(Indent).Append(Indent).Append(MongoTypes.BsonType(field.Type)).Append(' ').Append(names[field.Name]);
                if (field.Origin == FieldOrigin.Key)
                {
                    text.Append(" PK");
                }
                else if (field.Origin is FieldOrigin.Reference or FieldOrigin.Tenant)
                {
                    text.Append(" FK");
                }

                if (!string.Equals(names[field.Name], field.Name, StringComparison.Ordinal))
                {
                    text.Append(" \"").Append(MermaidText.Shorten(field.Name)).Append('"');
                }

                text.Append('\n');
            }

            text.Append(Indent).Append("}\n");
        }

        foreach (var relation in model.Relations)
        {
            var from = entityNames.GetValueOrDefault(relation.From) ?? relation.Holder;
            var to = entityNames.GetValueOrDefault(relation.To) ?? relation.Holder;
            var (left, right, target, label) = relation.Link switch
            {
                DocumentLink.Embed => ("||", relation.Kind == RelationshipKind.OneToOne ? "o|" : "o{", relation.Holder + "." + relation.Field, "embedded"),
                DocumentLink.Bucket => ("||", "o{", relation.Holder, "bucketed"),
                DocumentLink.ReferenceArray => ("}o", "o{", to, "array " + relation.Field),
                DocumentLink.LinkCollection => ("||", "o{", relation.Holder, "links"),
                _ => (relation.Kind == RelationshipKind.OneToOne ? "||" : "||", relation.Kind == RelationshipKind.OneToOne ? "o|" : "o{", relation.Holder, relation.Field),
            };
            if (!ids.ContainsKey(from) || !ids.ContainsKey(target))
            {
                continue;
            }

            text.Append(Indent).Append(ids[from]).Append(' ').Append(left).Append("--").Append(right).Append(' ').Append(ids[target])
                .Append(" : \"").Append(MermaidText.Quote(label)).Append("\"\n");
            if (relation.Link == DocumentLink.LinkCollection && ids.ContainsKey(to) && to != from)
            {
                text.Append(Indent).Append(ids[to]).Append(" ||--o{ ").Append(ids[relation.Holder]).Append(" : \"links\"\n");
            }
        }

        return text.ToString();
    }

    /// <summary>The collection each entity's documents live in (its own, or its holder when embedded).</summary>
    private static Dictionary<string, string> EntityCollections(DocumentModel model)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var collection in model.Collections.Where(c => c.SourceEntity is not null))
        {
            map[collection.SourceEntity!] = collection.Name;
        }

        return map;
    }

    private static IReadOnlyList<DocumentField> EmbeddedFields(DocumentModel model, DocumentRelation relation)
    {
        var field = model.FindCollection(relation.Holder)?.FindField(relation.Field);
        return field?.Items?.Fields ?? field?.Fields ?? Array.Empty<DocumentField>();
    }
}
