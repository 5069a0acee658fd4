using DbArchitect.Core.Errors;
using YamlDotNet.RepresentationModel;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>Reads the attribute lists of entities and many-to-many relationships, with their types, defaults and checks.</summary>
internal static class AttributeReader
{
    /// <summary>Stands in for a type that could not be read, so later checks do not report follow-on errors.</summary>
    private static readonly LogicalType Unreadable = LogicalType.Text;

    public static IReadOnlyList<ParsedAttribute> ReadList(ReaderContext context, MappingReader owner)
    {
        var list = owner.Sequence("attributes", "a list of attributes, each a mapping with name and type");
        if (list is null)
        {
            return Array.Empty<ParsedAttribute>();
        }

        var attributes = new List<ParsedAttribute>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            if (item is not YamlMappingNode mapping)
            {
                context.Report(ErrorIds.InvalidValue, ErrorKind.InvalidData,
                    $"Attribute #{i + 1} of {owner.What} is {YamlValues.Describe(item)}; expected a mapping with name and type.",
                    "Write each attribute as a mapping, e.g. - { name: email, type: email, required: true }.", item);
                continue;
            }

            if (Read(context, mapping, $"{NodeNames.Describe(mapping, "attribute", i)} of {owner.What}") is { } attribute)
            {
                attributes.Add(attribute);
            }
        }

        return attributes;
    }

    private static ParsedAttribute? Read(ReaderContext context, YamlMappingNode node, string what)
    {
        var reader = new MappingReader(context, node, what, RequirementKeys.Attribute);
        var name = reader.RequiredString("name", "Add 'name:' with the column's name to the attribute.");
        var nameNode = reader.Value("name");
        if (name is not null)
        {
            // An unsafe name is reported but kept, so references to it do not cause follow-on errors.
            IdentifierRules.Check(context, name, "attribute name", nameNode!);
        }

        var typeText = reader.RequiredString("type", "Add 'type:', e.g. type: string(200), int, decimal(12,2), timestamp or enum(a, b).");
        LogicalType? type = null;
        if (typeText is not null)
        {
            type = LogicalTypeParser.Parse(typeText, out var problem);
            if (problem is not null)
            {
                context.Report(problem.ErrorId, problem.Kind, Messages.In(what, problem.Message), problem.Fix, reader.Value("type")!, typeText);
            }
        }

        var required = reader.Bool("required") ?? false;
        var unique = reader.Bool("unique") ?? false;
        var description = reader.String("description");

        DefaultSpec? defaultSpec = null;
        if (reader.Value("default") is { } defaultNode && type is not null)
        {
            defaultSpec = DefaultParser.Parse(defaultNode, type, out var problem);
            if (problem is not null)
            {
                context.Report(problem.ErrorId, problem.Kind, Messages.In(what, problem.Message), problem.Fix, defaultNode,
                    (defaultNode as YamlScalarNode)?.Value);
            }
        }

        CheckSpec? check = null;
        var checkText = reader.String("check");
        if (checkText is not null && type is not null)
        {
            check = CheckParser.Parse(checkText, type, out var problem);
            if (problem is not null)
            {
                context.Report(problem.ErrorId, problem.Kind, Messages.In(what, problem.Message), problem.Fix, reader.Value("check")!, checkText);
            }
        }

        if (name is null)
        {
            return null;
        }

        var spec = new AttributeSpec(name, type ?? Unreadable, required, unique, defaultSpec, check, description, reader.Location);
        return new ParsedAttribute(spec, nameNode!);
    }
}
