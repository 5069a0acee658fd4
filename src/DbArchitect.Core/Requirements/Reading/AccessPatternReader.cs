using System.Text.RegularExpressions;
using DbArchitect.Core.Errors;
using YamlDotNet.RepresentationModel;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>Reads the <c>accessPatterns</c> list: the queries the design must serve, and the columns they name.</summary>
internal static partial class AccessPatternReader
{
    [GeneratedRegex(@"^(?<column>.+?)(?:\s+(?<direction>asc|desc))?$", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex SortPattern();

    [GeneratedRegex(@"^\s*(?<function>[^()\s]+)\s*\(\s*(?<argument>[^()]*?)\s*\)\s*$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex CallPattern();

    public static IReadOnlyList<ParsedAccessPattern> ReadAll(ReaderContext context, MappingReader root)
    {
        var list = root.Sequence("accessPatterns", "a list of access patterns, each a mapping with name and entity");
        if (list is null)
        {
            return Array.Empty<ParsedAccessPattern>();
        }

        var patterns = new List<ParsedAccessPattern>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            if (item is not YamlMappingNode mapping)
            {
                context.Report(ErrorIds.InvalidValue, ErrorKind.InvalidData, $"Access pattern #{i + 1} is {YamlValues.Describe(item)}; expected a mapping.",
                    "Write each access pattern as a mapping, e.g. - { name: order history, entity: order, where: [customer_id] }.", item);
                continue;
            }

            if (Read(context, mapping, NodeNames.Describe(mapping, "access pattern", i)) is { } pattern)
            {
                patterns.Add(pattern);
            }
        }

        return patterns;
    }

    private static ParsedAccessPattern? Read(ReaderContext context, YamlMappingNode node, string what)
    {
        var reader = new MappingReader(context, node, what, RequirementKeys.AccessPattern);
        var name = reader.RequiredString("name", "Add 'name:' describing the query, e.g. name: customer order history.")?.Trim();
        if (name is { Length: 0 })
        {
            reader.Invalid("name", reader.Value("name")!, "a non-empty name");
            name = null;
        }

        var entity = reader.RequiredString("entity", "Add 'entity:' with the entity (or many-to-many junction) the query reads.");
        var columns = new List<ColumnReference>();
        var where = Columns(context, reader, "where", columns);
        var orderBy = new List<SortKey>();
        foreach (var (text, itemNode) in Items(context, reader, "orderBy", "a list of sort keys such as [created_at desc]"))
        {
            var match = SortPattern().Match(text.Trim());
            var column = match.Groups["column"].Value.Trim();
            if (Column(context, column, "orderBy", itemNode, columns))
            {
                orderBy.Add(new SortKey(column, string.Equals(match.Groups["direction"].Value, "desc", StringComparison.OrdinalIgnoreCase)));
            }
        }

        var limit = reader.Integer("limit", 1, 1_000_000_000, "a whole number from 1 to 1000000000");
        var perSecond = reader.Number("perSecond", 0, minExclusive: false, 10_000_000, "a rate from 0 to 10000000 per second (fractions allowed)");
        var search = Columns(context, reader, "search", columns);
        var fuzzy = reader.Bool("fuzzy") ?? false;
        string? range = null;
        if (reader.Scalar("range", "a column name") is { Value: { } rangeText } rangeNode && Column(context, rangeText, "range", rangeNode, columns))
        {
            range = rangeText;
        }

        var aggregate = Aggregate(context, reader, columns);
        var groupBy = GroupBy(context, reader, columns);
        var select = Columns(context, reader, "select", columns);
        var language = Language(context, reader, search.Count > 0 && !fuzzy);
        var near = Near(context, reader, columns, search.Count > 0 || aggregate is not null || groupBy.Count > 0);

        if (name is null || entity is null)
        {
            return null;
        }

        var spec = new AccessPatternSpec(name, entity, where, orderBy, limit is null ? null : (int)limit.Value, perSecond, search, fuzzy, range,
            aggregate, groupBy, select, language, reader.Location) { Near = near };
        return new ParsedAccessPattern(spec, reader.Value("name")!, reader.Value("entity")!, columns);
    }

    private static List<string> Columns(ReaderContext context, MappingReader reader, string key, List<ColumnReference> references)
    {
        var names = new List<string>();
        foreach (var (text, node) in Items(context, reader, key, "a list of column names such as [status, created_at]"))
        {
            if (Column(context, text, key, node, references))
            {
                names.Add(text);
            }
        }

        return names;
    }

    private static bool Column(ReaderContext context, string name, string key, YamlNode node, List<ColumnReference> references)
    {
        if (!IdentifierRules.Check(context, name, $"column name in '{key}'", node))
        {
            return false;
        }

        references.Add(new ColumnReference(name, key, node));
        return true;
    }

    /// <summary>The scalar items of a list-valued key; anything else is reported.</summary>
    private static IEnumerable<(string Text, YamlNode Node)> Items(ReaderContext context, MappingReader reader, string key, string expected)
    {
        var list = reader.Sequence(key, expected);
        if (list is null)
        {
            yield break;
        }

        foreach (var item in list.Children)
        {
            if (item is YamlScalarNode { Value: { } text } && !YamlValues.IsNull(item))
            {
                yield return (text, item);
            }
            else
            {
                context.Report(ErrorIds.InvalidValue, ErrorKind.InvalidData, $"An item of '{key}' in {reader.What} is {YamlValues.Describe(item)}; expected a column name.",
                    $"Write '{key}' as {expected}.", item);
            }
        }
    }

    private static AggregateSpec? Aggregate(ReaderContext context, MappingReader reader, List<ColumnReference> references)
    {
        const string expected = "an aggregate such as sum(total), count(*), avg(amount), min(price) or max(price)";
        var scalar = reader.Scalar("aggregate", expected);
        if (scalar?.Value is not { } text)
        {
            return null;
        }

        var match = CallPattern().Match(text);
        if (!match.Success)
        {
            reader.Invalid("aggregate", scalar, expected);
            return null;
        }

        var functionText = match.Groups["function"].Value;
        var function = EnumValues.Aggregates.FirstOrDefault(a => string.Equals(a.Text, functionText, StringComparison.OrdinalIgnoreCase));
        if (function is null)
        {
            var words = EnumValues.Aggregates.Select(a => a.Text).ToArray();
            context.Report(ErrorIds.InvalidEnumValue, ErrorKind.InvalidData,
                $"'{functionText}' in {reader.What} is not an aggregate function." + Suggestions.DidYouMean(functionText, words),
                $"Use one of: {string.Join(", ", words)}, e.g. sum(total) or count(*).", scalar, text);
            return null;
        }

        var argument = match.Groups["argument"].Value;
        if (argument == "*")
        {
            if (function.Value == AggregateFunction.Count)
            {
                return new AggregateSpec(function.Value, null);
            }

            reader.Invalid("aggregate", scalar, $"a column inside {function.Text}(...); only count takes *");
            return null;
        }

        return Column(context, argument, "aggregate", scalar, references) ? new AggregateSpec(function.Value, argument) : null;
    }

    private static List<GroupKey> GroupBy(ReaderContext context, MappingReader reader, List<ColumnReference> references)
    {
        var keys = new List<GroupKey>();
        foreach (var (text, node) in Items(context, reader, "groupBy", "a list of columns or hour|day|week|month|year(column)"))
        {
            var match = CallPattern().Match(text);
            if (!match.Success)
            {
                if (Column(context, text, "groupBy", node, references))
                {
                    keys.Add(new GroupKey(text, null));
                }

                continue;
            }

            var bucketText = match.Groups["function"].Value;
            var bucket = EnumValues.TimeBuckets.FirstOrDefault(b => string.Equals(b.Text, bucketText, StringComparison.OrdinalIgnoreCase));
            if (bucket is null)
            {
                var words = EnumValues.TimeBuckets.Select(b => b.Text).ToArray();
                context.Report(ErrorIds.InvalidEnumValue, ErrorKind.InvalidData,
                    $"'{bucketText}' in groupBy of {reader.What} is not a time bucket." + Suggestions.DidYouMean(bucketText, words),
                    $"Group by a column, or by {string.Join("|", words)}(column), e.g. day(created_at).", node, text);
                continue;
            }

            var column = match.Groups["argument"].Value;
            if (Column(context, column, "groupBy", node, references))
            {
                keys.Add(new GroupKey(column, bucket.Value));
            }
        }

        return keys;
    }

    /// <summary>
    /// <c>near: [latitude, longitude]</c>: exactly two columns, latitude first (the validator checks they are numeric
    /// attributes). A proximity search returns rows, so it does not combine with search, aggregate or groupBy.
    /// </summary>
    private static NearSpec? Near(ReaderContext context, MappingReader reader, List<ColumnReference> references, bool combined)
    {
        if (reader.Value("near") is not { } value)
        {
            return null;
        }

        var columns = Columns(context, reader, "near", references);
        if (value is YamlSequenceNode list && list.Children.Count != 2)
        {
            context.Report(ErrorIds.InvalidAccessPattern, ErrorKind.InvalidData,
                $"'near' in {reader.What} names {list.Children.Count} columns; it takes the latitude and the longitude column, in that order.",
                "Write near: [latitude, longitude] with the entity's two coordinate attributes.", list);
            return null;
        }

        if (columns.Count != 2)
        {
            return null;
        }

        if (combined)
        {
            context.Report(ErrorIds.InvalidAccessPattern, ErrorKind.InvalidData,
                $"'near' in {reader.What} finds rows around a point; it does not combine with 'search', 'aggregate' or 'groupBy'.",
                "Make the proximity search its own access pattern (where, limit and perSecond still apply).", reader.KeyNode("near"));
            return null;
        }

        return new NearSpec(columns[0], columns[1]);
    }

    private static string? Language(ReaderContext context, MappingReader reader, bool textSearch)
    {
        var scalar = reader.Scalar("language", "a text search language");
        if (scalar?.Value is not { } text)
        {
            return null;
        }

        var language = text.Trim().ToLowerInvariant();
        if (!EnumValues.SearchLanguages.Contains(language, StringComparer.Ordinal))
        {
            context.Report(ErrorIds.InvalidEnumValue, ErrorKind.InvalidData,
                $"'{text}' is not a supported text search language." + Suggestions.DidYouMean(text, EnumValues.SearchLanguages),
                $"Use one of: {string.Join(", ", EnumValues.SearchLanguages)}.", scalar, text);
            return null;
        }

        if (!textSearch)
        {
            context.Report(ErrorIds.InvalidAccessPattern, ErrorKind.InvalidData,
                $"'language' in {reader.What} only applies to a non-fuzzy 'search'.",
                "Remove 'language', or add 'search:' columns with fuzzy: false (fuzzy search ignores the language).", reader.KeyNode("language"), text);
            return null;
        }

        return language;
    }
}
