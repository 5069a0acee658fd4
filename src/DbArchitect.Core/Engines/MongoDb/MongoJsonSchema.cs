using System.Globalization;
using System.Text.Json.Nodes;
using DbArchitect.Core.Model.Document;

namespace DbArchitect.Core.Engines.MongoDb;

/// <summary>
/// A collection's validator as MongoDB's <c>$jsonSchema</c> (JSON Schema draft 4 with <c>bsonType</c>, without
/// <c>$ref</c>, <c>default</c>, <c>format</c> or <c>id</c>): required fields, types, members, patterns, bounds (draft 4's
/// boolean <c>exclusiveMinimum</c>), lengths and <c>additionalProperties</c> by the collection's policy. A GeoJSON Point is
/// closed whatever the policy, and its coordinates are draft 4's tuple: <c>items</c> as a list, <c>additionalItems</c> false.
/// </summary>
internal static class MongoJsonSchema
{
    public static JsonObject Of(DocumentCollection collection)
    {
        return Document(collection.Fields, collection.Validation.AdditionalProperties, collection.Name);
    }

    private static JsonObject Document(IReadOnlyList<DocumentField> fields, bool additional, string? title = null)
    {
        var properties = new JsonObject();
        foreach (var field in fields)
        {
            properties[field.Name] = Field(field, additional);
        }

        var schema = new JsonObject { ["bsonType"] = "object" };
        if (title is not null)
        {
            schema["title"] = title;
        }

        var required = fields.Where(f => f.Required).Select(f => (JsonNode)f.Name).ToArray();
        if (required.Length > 0)
        {
            schema["required"] = new JsonArray(required);
        }

        schema["properties"] = properties;
        schema["additionalProperties"] = additional;
        return schema;
    }

    private static JsonObject Field(DocumentField field, bool additional)
    {
        var type = MongoTypes.BsonType(field.Type);
        JsonObject schema = field.Type switch
        {
            DocumentValueType.Point => Document(field.Fields, false),
            DocumentValueType.Object when !field.FreeForm && field.Fields.Count > 0 => Document(field.Fields, additional),
            _ => new JsonObject { ["bsonType"] = field.Nullable ? new JsonArray(type, "null") : type },
        };
        if (field.Description is { Length: > 0 } description)
        {
            schema["description"] = description;
        }

        var rules = field.Rules;
        if (rules.Enum.Count > 0)
        {
            schema["enum"] = new JsonArray(rules.Enum.Select(v => Value(field.Type, v)).ToArray());
        }

        if (rules.NotEnum.Count > 0)
        {
            schema["not"] = new JsonObject { ["enum"] = new JsonArray(rules.NotEnum.Select(v => Value(field.Type, v)).ToArray()) };
        }

        if (rules.Pattern is { } pattern)
        {
            schema["pattern"] = pattern;
        }

        if (rules.Minimum is { } minimum)
        {
            schema["minimum"] = minimum;
            if (rules.ExclusiveMinimum)
            {
                schema["exclusiveMinimum"] = true;
            }
        }

        if (rules.Maximum is { } maximum)
        {
            schema["maximum"] = maximum;
            if (rules.ExclusiveMaximum)
            {
                schema["exclusiveMaximum"] = true;
            }
        }

        if (rules.MinLength is { } minLength)
        {
            schema["minLength"] = minLength;
        }

        if (rules.MaxLength is { } maxLength)
        {
            schema["maxLength"] = maxLength;
        }

        if (field.Type == DocumentValueType.Array && field.Positions is { } positions)
        {
            schema["minItems"] = positions.Count;
            schema["maxItems"] = positions.Count;
            schema["items"] = new JsonArray(positions.Select(p => (JsonNode)Field(p, additional)).ToArray());
            schema["additionalItems"] = false;
        }

        if (field.Type == DocumentValueType.Array && field.Items is { } items)
        {
            schema["items"] = Field(items with { Description = null }, additional);
            if (field.MaxItems is { } max)
            {
                schema["maxItems"] = max;
            }
        }

        return schema;
    }

    /// <summary>A member as the field's type writes it: numbers as numbers, booleans as booleans, the rest as strings.</summary>
    private static JsonNode? Value(DocumentValueType type, string value) => type switch
    {
        DocumentValueType.Int32 or DocumentValueType.Int64 or DocumentValueType.Double or DocumentValueType.Decimal128
            when decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        DocumentValueType.Boolean when bool.TryParse(value, out var flag) => JsonValue.Create(flag),
        _ => JsonValue.Create(value),
    };
}
