using System.Globalization;
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

        var averageLength = ReadAverageLength(context, reader, type, what);
        var nullShare = ReadNullShare(context, reader, required, what);
        if (name is null)
        {
            return null;
        }

        var spec = new AttributeSpec(name, type ?? Unreadable, required, unique, defaultSpec, check, description, reader.Location)
        {
            AverageLength = averageLength,
            NullShare = nullShare,
        };
        return new ParsedAttribute(spec, nameNode!);
    }

    /// <summary>
    /// avgLength: characters of a textual value, bytes of a JSON or binary one; never more than a string(n) or char(n)
    /// can hold, and bounded so a typo cannot make a forecast of exabytes.
    /// </summary>
    private static int? ReadAverageLength(ReaderContext context, MappingReader reader, LogicalType? type, string what)
    {
        if (reader.Value("avgLength") is not { } node)
        {
            return null;
        }

        var declared = type?.Kind is LogicalTypeKind.String or LogicalTypeKind.Char ? type.Length : null;
        var max = declared ?? MaxAverageLength;
        var expected = declared is { } n
            ? $"a whole number of characters from 1 to {n.ToString(CultureInfo.InvariantCulture)} (the declared length)"
            : $"a whole number from 1 to {MaxAverageLength.ToString(CultureInfo.InvariantCulture)}";
        var value = reader.Integer("avgLength", 1, max, expected);
        if (value is null || type is null)
        {
            return null;
        }

        if (type.Kind is not (LogicalTypeKind.String or LogicalTypeKind.Char or LogicalTypeKind.Text or LogicalTypeKind.Email
            or LogicalTypeKind.Url or LogicalTypeKind.Json or LogicalTypeKind.Binary))
        {
            context.Report(ErrorIds.InvalidValue, ErrorKind.InvalidData,
                Messages.In(what, $"'avgLength' does not apply to a {type} value: its size is fixed by its type."),
                "Remove 'avgLength', or use it on string, char, text, email, url, json or binary attributes.", node);
            return null;
        }

        return (int)value.Value;
    }

    private static double? ReadNullShare(ReaderContext context, MappingReader reader, bool required, string what)
    {
        if (reader.Value("nullShare") is not { } node)
        {
            return null;
        }

        var value = reader.Number("nullShare", 0, minExclusive: false, double.MaxValue, "a share of rows from 0 to 1, e.g. 0.3");
        if (value is null)
        {
            return null;
        }

        if (value > 1)
        {
            context.Report(ErrorIds.InvalidValue, ErrorKind.InvalidData,
                Messages.In(what, $"'nullShare' is {value.Value.ToString(CultureInfo.InvariantCulture)}; a share of rows is between 0 and 1."),
                "Write the share of rows without a value as a number from 0 to 1, e.g. nullShare: 0.3 for 30%.", node);
            return null;
        }

        if (required && value > 0)
        {
            context.Report(ErrorIds.InvalidValue, ErrorKind.InvalidData,
                Messages.In(what, "'nullShare' is above 0, but the attribute is required (NOT NULL), so no row can leave it empty."),
                "Remove 'nullShare', or make the attribute optional (required: false).", node);
            return null;
        }

        return value;
    }

    /// <summary>10 MB of characters: far past any typical value, small enough that row arithmetic cannot overflow.</summary>
    private const int MaxAverageLength = 10_000_000;
}
