using System.Text.Json;
using System.Text.Json.Nodes;
using DbArchitect.Core.Engines.MongoDb;
using DbArchitect.Core.Model.Document;
using Json.Schema;

namespace DbArchitect.Core.Tests.MongoDb;

/// <summary>
/// Proof of the generated $jsonSchema validators without a server: each is evaluated by a JSON Schema validator
/// (JsonSchema.Net, over <see cref="BsonTypeDialect"/>'s mapping) against a valid document, which it must accept, and
/// against documents that break one rule each — missing required field, wrong type, enum member, pattern, bounds,
/// lengths, array size, unknown field — which it must reject, at every level of nesting, for every spec.
/// </summary>
public sealed class MongoDbValidatorTests
{
    public static TheoryData<string> Specs() => MongoDbDesigns.All();

    [Theory]
    [MemberData(nameof(Specs))]
    public void Validators_accept_valid_documents_and_reject_each_broken_rule(string spec)
    {
        var model = MongoDbDesigns.Model(MongoDbDesigns.Design(spec));
        var rules = new HashSet<string>(StringComparer.Ordinal);
        foreach (var collection in model.Collections)
        {
            var schema = Schema(collection);
            var valid = SampleDocuments.Valid(collection.Fields);
            var result = Evaluate(schema, valid);
            Assert.True(result, $"{collection.Name}: the valid document {valid.ToJsonString()} was rejected.");
            foreach (var mutation in SampleDocuments.Invalid(collection.Fields))
            {
                Assert.False(Evaluate(schema, mutation.Document), $"{collection.Name}: breaking {mutation.Rule} at {mutation.Path} was accepted: {mutation.Document.ToJsonString()}");
                rules.Add(mutation.Rule);
            }
        }

        Assert.Contains("required", rules);
        Assert.Contains("bsonType", rules);
        Assert.Contains("additionalProperties", rules);
    }

    [Fact]
    public void Every_kind_of_rule_is_proven_somewhere()
    {
        var rules = MongoDbDesigns.Specs.SelectMany(s => MongoDbDesigns.Model(MongoDbDesigns.Design(s)).Collections)
            .SelectMany(c => SampleDocuments.Invalid(c.Fields)).Select(m => m.Rule).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { "required", "bsonType", "enum", "pattern", "minimum", "maximum", "maxLength", "minLength", "minItems", "maxItems", "additionalProperties" }, rules);
    }

    [Fact]
    public void A_mutation_the_validator_does_not_state_is_accepted()
    {
        // The proof can fail: a document that only changes a value within its rules stays valid.
        var collection = MongoDbDesigns.Model(MongoDbDesigns.Example("ecommerce")).FindCollection("customer")!;
        var document = SampleDocuments.Valid(collection.Fields);
        document["loyalty_points"] = 12345;
        Assert.True(Evaluate(Schema(collection), document));
        document["loyalty_points"] = -1;
        Assert.False(Evaluate(Schema(collection), document));
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Validators_use_only_keywords_MongoDB_accepts(string spec)
    {
        var forbidden = new[] { "$ref", "$schema", "default", "format", "id", "definitions", "type" };
        foreach (var collection in MongoDbDesigns.Model(MongoDbDesigns.Design(spec)).Collections)
        {
            var text = MongoJsonSchema.Of(collection).ToJsonString();
            var keys = Keys(JsonNode.Parse(text)!).ToList();
            Assert.DoesNotContain(keys, k => forbidden.Contains(k));
        }
    }

    private static IEnumerable<string> Keys(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                // Property names of "properties" are field names, not keywords.
                if (obj.Parent is JsonObject parent && parent.Any(p => p.Key == "properties" && p.Value == obj))
                {
                    foreach (var inner in value is null ? Enumerable.Empty<string>() : Keys(value))
                    {
                        yield return inner;
                    }

                    continue;
                }

                yield return key;
                foreach (var inner in value is null ? Enumerable.Empty<string>() : Keys(value))
                {
                    yield return inner;
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array.OfType<JsonNode>().SelectMany(Keys))
            {
                yield return item;
            }
        }
    }

    // Built as draft 7 explicitly: JsonSchema.Net 8 builds with its default dialect whatever $schema says.
    internal static JsonSchema Schema(DocumentCollection collection) =>
        JsonSchema.FromText(BsonTypeDialect.ToDraft7(MongoJsonSchema.Of(collection)).ToJsonString(), new BuildOptions { Dialect = Dialect.Draft07 });

    internal static bool Evaluate(JsonSchema schema, JsonObject document)
    {
        using var parsed = JsonDocument.Parse(document.ToJsonString());
        return schema.Evaluate(parsed.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;
    }
}
