using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DbArchitect.Core.Model.Document;

namespace DbArchitect.Core.Tests.MongoDb;

/// <summary>
/// Documents for proving validators: one valid document per collection (every field present, each value inside its
/// rules), and mutations of it that break exactly one rule of one field, nested fields included.
/// </summary>
internal static class SampleDocuments
{
    private static readonly string[] Candidates =
    {
        "user@example.com", "https://example.com/a", "12:30:00", "#a1b2c3", "abc_123", "plain", "abc", "Text value",
    };

    public sealed record Mutation(string Rule, string Path, JsonObject Document);

    public static JsonObject Valid(IReadOnlyList<DocumentField> fields)
    {
        var document = new JsonObject();
        foreach (var field in fields)
        {
            document[field.Name] = Value(field);
        }

        return document;
    }

    public static JsonNode? Value(DocumentField field)
    {
        if (field.Nullable)
        {
            return null;
        }

        if (field.Rules.Enum.Count > 0)
        {
            return Typed(field, field.Rules.Enum[0]);
        }

        return field.Type switch
        {
            DocumentValueType.String => Text(field.Rules),
            DocumentValueType.Int32 or DocumentValueType.Int64 => JsonValue.Create((long)Number(field.Rules, integer: true)),
            DocumentValueType.Double or DocumentValueType.Decimal128 => JsonValue.Create(Number(field.Rules, integer: false)),
            DocumentValueType.Boolean => JsonValue.Create(true),
            DocumentValueType.Date => JsonValue.Create("2026-01-02T03:04:05Z"),
            DocumentValueType.Uuid => JsonValue.Create("00000000-0000-4000-8000-000000000001"),
            DocumentValueType.ObjectId => JsonValue.Create("65a1b2c3d4e5f60718293a4b"),
            DocumentValueType.Binary => JsonValue.Create("AAEC"),
            DocumentValueType.Object when field.FreeForm || field.Fields.Count == 0 => new JsonObject { ["any"] = "thing" },
            DocumentValueType.Object or DocumentValueType.Point => Valid(field.Fields),
            DocumentValueType.Array when field.Positions is { } positions => new JsonArray(positions.Select(Value).ToArray()),
            DocumentValueType.Array => new JsonArray(field.Items is { } item ? Value(item) : JsonValue.Create("x")),
            _ => JsonValue.Create("x"),
        };
    }

    /// <summary>Every mutation of the valid document that breaks one rule, at every level of nesting.</summary>
    public static IEnumerable<Mutation> Invalid(IReadOnlyList<DocumentField> fields)
    {
        yield return new Mutation("additionalProperties", "unexpected_field", With(Valid(fields), d => d["unexpected_field"] = 1));
        foreach (var (path, field, container) in Paths(fields, string.Empty))
        {
            JsonObject Mutate(Action<JsonObject> change)
            {
                var document = Valid(fields);
                change(Locate(document, container));
                return document;
            }

            if (field.Required)
            {
                yield return new Mutation("required", path, Mutate(o => o.Remove(field.Name)));
            }

            yield return new Mutation("bsonType", path, Mutate(o => o[field.Name] = WrongType(field)));
            var rules = field.Rules;
            if (rules.Enum.Count > 0)
            {
                yield return new Mutation("enum", path, Mutate(o => o[field.Name] = Typed(field, field.Type is DocumentValueType.String ? "not a member" : "987654321")));
            }

            if (rules.Pattern is { } pattern && NonMatching(pattern, rules) is { } wrong)
            {
                yield return new Mutation("pattern", path, Mutate(o => o[field.Name] = wrong));
            }

            if (rules.Minimum is { } min)
            {
                yield return new Mutation("minimum", path, Mutate(o => o[field.Name] = JsonValue.Create(rules.ExclusiveMinimum ? min : min - 1)));
            }

            if (rules.Maximum is { } max)
            {
                yield return new Mutation("maximum", path, Mutate(o => o[field.Name] = JsonValue.Create(rules.ExclusiveMaximum ? max : max + 1)));
            }

            if (rules.MaxLength is { } maxLength && maxLength < 10_000)
            {
                yield return new Mutation("maxLength", path, Mutate(o => o[field.Name] = new string('a', maxLength + 1)));
            }

            if (rules.MinLength is { } minLength && minLength > 0)
            {
                yield return new Mutation("minLength", path, Mutate(o => o[field.Name] = new string('a', minLength - 1)));
            }

            if (field.MaxItems is { } maxItems)
            {
                yield return new Mutation("maxItems", path, Mutate(o => o[field.Name] = new JsonArray(Enumerable.Range(0, maxItems + 1).Select(_ => Value(field.Items!)).ToArray())));
            }

            if (field.Type == DocumentValueType.Point)
            {
                yield return new Mutation("additionalProperties", path + ".crs", Mutate(o => o[field.Name]!["crs"] = "EPSG:4326"));
            }

            if (field.Positions is { } positions)
            {
                foreach (var mutation in PositionMutations(field, positions, path, Mutate))
                {
                    yield return mutation;
                }
            }
        }
    }

    /// <summary>A tuple one element short, one too long, and each element of the wrong type or past its bounds.</summary>
    private static IEnumerable<Mutation> PositionMutations(DocumentField field, IReadOnlyList<DocumentField> positions, string path, Func<Action<JsonObject>, JsonObject> mutate)
    {
        JsonArray Valid() => new(positions.Select(Value).ToArray());
        JsonObject Set(Action<JsonArray> change) => mutate(o =>
        {
            var array = Valid();
            change(array);
            o[field.Name] = array;
        });

        yield return new Mutation("minItems", path, Set(a => a.RemoveAt(a.Count - 1)));
        yield return new Mutation("maxItems", path, Set(a => a.Add(Value(positions[^1]))));
        for (var i = 0; i < positions.Count; i++)
        {
            var at = i;
            var rules = positions[at].Rules;
            yield return new Mutation("bsonType", $"{path}.{at}", Set(a => a[at] = WrongType(positions[at])));
            if (rules.Minimum is { } min)
            {
                yield return new Mutation("minimum", $"{path}.{at}", Set(a => a[at] = JsonValue.Create(rules.ExclusiveMinimum ? min : min - 1)));
            }

            if (rules.Maximum is { } max)
            {
                yield return new Mutation("maximum", $"{path}.{at}", Set(a => a[at] = JsonValue.Create(rules.ExclusiveMaximum ? max : max + 1)));
            }
        }
    }

    /// <summary>Each field with its dotted path and the path of the object holding it ("order_item.0" for array items).</summary>
    private static IEnumerable<(string Path, DocumentField Field, string Container)> Paths(IReadOnlyList<DocumentField> fields, string container)
    {
        foreach (var field in fields)
        {
            var path = container.Length == 0 ? field.Name : container + "." + field.Name;
            yield return (path, field, container);
            if (field.Type is DocumentValueType.Object or DocumentValueType.Point && !field.FreeForm)
            {
                foreach (var inner in Paths(field.Fields, path))
                {
                    yield return inner;
                }
            }

            if (field.Type == DocumentValueType.Array && field.Items is { Type: DocumentValueType.Object, FreeForm: false } item)
            {
                foreach (var inner in Paths(item.Fields, path + ".0"))
                {
                    yield return inner;
                }
            }
        }
    }

    private static JsonObject Locate(JsonObject document, string container)
    {
        JsonNode node = document;
        foreach (var step in container.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node is JsonArray array ? array[int.Parse(step, CultureInfo.InvariantCulture)]! : node[step]!;
        }

        return node.AsObject();
    }

    private static JsonObject With(JsonObject document, Action<JsonObject> change)
    {
        change(document);
        return document;
    }

    private static JsonNode WrongType(DocumentField field) => field.Type switch
    {
        DocumentValueType.String or DocumentValueType.Date or DocumentValueType.Uuid or DocumentValueType.ObjectId or DocumentValueType.Binary => JsonValue.Create(12345),
        DocumentValueType.Boolean => JsonValue.Create("yes"),
        DocumentValueType.Int32 or DocumentValueType.Int64 => JsonValue.Create(1.5),
        _ => JsonValue.Create("wrong type")!,
    };

    private static JsonNode? Typed(DocumentField field, string value) => field.Type switch
    {
        DocumentValueType.Int32 or DocumentValueType.Int64 or DocumentValueType.Double or DocumentValueType.Decimal128 =>
            JsonValue.Create(decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)),
        DocumentValueType.Boolean => JsonValue.Create(bool.Parse(value)),
        _ => JsonValue.Create(value),
    };

    private static decimal Number(FieldRules rules, bool integer)
    {
        var step = integer ? 1m : 0.5m;
        decimal value;
        if (rules.Minimum is { } min && rules.Maximum is { } max)
        {
            value = integer ? Math.Floor((min + max) / 2) : (min + max) / 2;
        }
        else if (rules.Minimum is { } low)
        {
            value = rules.ExclusiveMinimum ? low + step : low;
        }
        else if (rules.Maximum is { } high)
        {
            value = rules.ExclusiveMaximum ? high - step : high;
        }
        else
        {
            value = 1;
        }

        while (rules.NotEnum.Any(v => decimal.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture) == value))
        {
            value += step;
        }

        return value;
    }

    private static JsonNode Text(FieldRules rules)
    {
        var min = rules.MinLength ?? 0;
        var max = rules.MaxLength ?? int.MaxValue;
        bool Fits(string s) => s.Length >= min && s.Length <= max && (rules.Pattern is null || Regex.IsMatch(s, rules.Pattern)) && !rules.NotEnum.Contains(s);
        var candidates = Candidates.Concat(new[] { new string('a', Math.Max(1, min)), new string('a', Math.Max(1, Math.Min(max, Math.Max(min, 3)))) });
        var found = candidates.FirstOrDefault(Fits) ?? throw new InvalidOperationException($"No sample string fits pattern {rules.Pattern} with length {min}..{max}.");
        return JsonValue.Create(found)!;
    }

    private static string? NonMatching(string pattern, FieldRules rules)
    {
        var length = Math.Max(1, rules.MinLength ?? 1);
        var candidates = new[] { new string('!', length), new string(' ', length), new string('\'', length), new string('Z', length) };
        return candidates.FirstOrDefault(c => c.Length <= (rules.MaxLength ?? int.MaxValue) && !Regex.IsMatch(c, pattern));
    }
}
