using System.Text.Json.Nodes;

namespace DbArchitect.Core.Tests.MongoDb;

/// <summary>
/// MongoDB's $jsonSchema (JSON Schema draft 4 with bsonType) as a standard schema a JSON Schema validator evaluates,
/// so the generated validators can be proven without a server. The one mapping:
/// <list type="bullet">
/// <item>bsonType string → "string"; int and long → "integer"; double and decimal → "number" (a JSON number cannot tell a
/// decimal128 from a double, so that difference is not checked); bool → "boolean"; object, array, null as themselves.</item>
/// <item>Not mappable, checked as strings: date (documents here carry ISO-8601 text, not BSON dates), binData (UUIDs as
/// text), objectId (hex text). So a date where a string is expected is not caught here; MongoDB catches it.</item>
/// <item>Draft 4's boolean exclusiveMinimum/exclusiveMaximum becomes the later drafts' numeric form.</item>
/// <item>A tuple (items as a list, additionalItems false) means the same in draft 7 (2020-12 renamed it prefixItems).</item>
/// </list>
/// Everything else MongoDB uses (required, properties, additionalProperties, enum, not, pattern, minimum, maximum,
/// minLength, maxLength, items, minItems, maxItems, additionalItems) means the same in draft 7.
/// </summary>
internal static class BsonTypeDialect
{
    public static JsonObject ToDraft7(JsonObject mongo)
    {
        var schema = Convert(mongo);
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        return schema;
    }

    public static string JsonType(string bsonType) => bsonType switch
    {
        "int" or "long" => "integer",
        "double" or "decimal" => "number",
        "bool" => "boolean",
        "object" => "object",
        "array" => "array",
        "null" => "null",
        // date, binData, objectId, string: see the class comment.
        _ => "string",
    };

    private static JsonObject Convert(JsonObject mongo)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mongo)
        {
            switch (key)
            {
                case "bsonType":
                    result["type"] = value is JsonArray types
                        ? new JsonArray(types.Select(t => (JsonNode)JsonType(t!.GetValue<string>())).Distinct(JsonNodeComparer.Instance).ToArray())
                        : JsonType(value!.GetValue<string>());
                    break;
                case "exclusiveMinimum" or "exclusiveMaximum":
                    break;
                case "minimum" when mongo["exclusiveMinimum"]?.GetValue<bool>() == true:
                    result["exclusiveMinimum"] = value!.DeepClone();
                    break;
                case "maximum" when mongo["exclusiveMaximum"]?.GetValue<bool>() == true:
                    result["exclusiveMaximum"] = value!.DeepClone();
                    break;
                case "properties":
                    var properties = new JsonObject();
                    foreach (var (name, property) in value!.AsObject())
                    {
                        properties[name] = Convert(property!.AsObject());
                    }

                    result["properties"] = properties;
                    break;
                case "items" when value is JsonArray tuple:
                    result[key] = new JsonArray(tuple.Select(t => (JsonNode)Convert(t!.AsObject())).ToArray());
                    break;
                case "items" or "not":
                    result[key] = Convert(value!.AsObject());
                    break;
                default:
                    result[key] = value?.DeepClone();
                    break;
            }
        }

        return result;
    }

    private sealed class JsonNodeComparer : IEqualityComparer<JsonNode>
    {
        public static readonly JsonNodeComparer Instance = new();

        public bool Equals(JsonNode? x, JsonNode? y) => JsonNode.DeepEquals(x, y);

        public int GetHashCode(JsonNode obj) => obj.ToJsonString().GetHashCode(StringComparison.Ordinal);
    }
}
