using DbArchitect.Core.Errors;
using YamlDotNet.RepresentationModel;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>Reads the <c>relationships</c> list and checks the rules that concern one relationship alone.</summary>
internal static class RelationshipReader
{
    public static IReadOnlyList<ParsedRelationship> ReadAll(ReaderContext context, MappingReader root)
    {
        var list = root.Sequence("relationships", "a list of relationships, each a mapping with from, to and type");
        if (list is null)
        {
            return Array.Empty<ParsedRelationship>();
        }

        var relationships = new List<ParsedRelationship>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            if (item is not YamlMappingNode mapping)
            {
                context.Report(ErrorIds.InvalidValue, ErrorKind.InvalidData, $"Relationship #{i + 1} is {YamlValues.Describe(item)}; expected a mapping.",
                    "Write each relationship as a mapping, e.g. - { from: customer, to: order, type: one-to-many }.", item);
                continue;
            }

            if (Read(context, mapping, $"relationship #{i + 1}") is { } relationship)
            {
                relationships.Add(relationship);
            }
        }

        return relationships;
    }

    private static ParsedRelationship? Read(ReaderContext context, YamlMappingNode node, string what)
    {
        var reader = new MappingReader(context, node, what, RequirementKeys.Relationship);
        // from and to are references: the validator checks them against the declared entities.
        var from = reader.RequiredString("from", "Add 'from:' with the entity on the 'one' side (the parent).");
        var to = reader.RequiredString("to", "Add 'to:' with the entity that gets the foreign key (the child).");
        var kind = reader.Enum("type", EnumValues.RelationshipKinds);
        if (kind is null && reader.Value("type") is null)
        {
            reader.ReportMissing("type", "Add 'type:' with one-to-one, one-to-many or many-to-many.");
        }

        var onDelete = reader.Enum("onDelete", EnumValues.DeleteActions) ?? DeleteAction.Restrict;
        var through = Name(context, reader, "through", "junction name");
        var role = Name(context, reader, "name", "relationship name");
        var required = reader.Bool("required") ?? true;
        var description = reader.String("description");
        var attributes = AttributeReader.ReadList(context, reader);

        var valid = from is not null && to is not null && kind is not null;
        if (kind == RelationshipKind.ManyToMany)
        {
            if (reader.Value("through") is null)
            {
                reader.ReportMissing("through", "A many-to-many needs a junction entity: add 'through:' with its name, e.g. through: order_item.");
                valid = false;
            }

            valid &= through is not null;
            if (onDelete == DeleteAction.SetNull)
            {
                context.Report(ErrorIds.InvalidRelationship, ErrorKind.InvalidData,
                    $"onDelete set-null cannot apply to {what}: the junction's key columns cannot be null.",
                    "Use onDelete: cascade (delete the links with the row) or restrict.", reader.Value("onDelete")!, "set-null");
            }
        }
        else if (kind is not null)
        {
            if (reader.Value("through") is { } throughNode)
            {
                context.Report(ErrorIds.InvalidRelationship, ErrorKind.InvalidData, $"'through' is only allowed on a many-to-many relationship, and {what} is not one.",
                    "Remove 'through:', or change the type to many-to-many.", reader.KeyNode("through"), (throughNode as YamlScalarNode)?.Value);
            }

            if (reader.Value("attributes") is not null)
            {
                context.Report(ErrorIds.InvalidRelationship, ErrorKind.InvalidData,
                    $"'attributes' are only allowed on a many-to-many relationship (they become columns of its junction), and {what} is not one.",
                    "Move the attributes to the 'to' entity, or change the type to many-to-many.", reader.KeyNode("attributes"));
            }

            if (onDelete == DeleteAction.SetNull && required)
            {
                context.Report(ErrorIds.InvalidRelationship, ErrorKind.InvalidData,
                    $"onDelete set-null needs a nullable foreign key, but {what} is required (the default).",
                    "Add required: false to the relationship, or choose another onDelete (restrict, cascade, no-action).",
                    reader.Value("onDelete")!, "set-null");
            }
        }

        if (!valid)
        {
            return null;
        }

        var spec = new RelationshipSpec(from!, to!, kind!.Value, onDelete, kind == RelationshipKind.ManyToMany ? through : null, role, required,
            description, kind == RelationshipKind.ManyToMany ? attributes.Select(a => a.Spec).ToArray() : Array.Empty<AttributeSpec>(),
            reader.Location);
        return new ParsedRelationship(spec, reader.Value("from")!, reader.Value("to")!, reader.Value("through"), reader.Value("name"),
            kind == RelationshipKind.ManyToMany ? attributes : Array.Empty<ParsedAttribute>());
    }

    private static string? Name(ReaderContext context, MappingReader reader, string key, string what)
    {
        var value = reader.String(key);
        if (value is null)
        {
            return null;
        }

        // An unsafe name is reported but kept, so references to it do not cause follow-on errors.
        IdentifierRules.Check(context, value, what, reader.Value(key)!);
        return value;
    }
}
