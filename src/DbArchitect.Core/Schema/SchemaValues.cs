using System.Globalization;
using System.Text.Json;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Schema;

/// <summary>
/// The comparable text of a column's type, default and comments: the same meaning gives the same text whether it came
/// from a design (logical defaults, alias type names) or from a catalog (expressions, canonical type names).
/// </summary>
internal static class SchemaValues
{
    public static string Type(Column column, Func<string, string> canonicalType) =>
        column.NativeType is { } native ? canonicalType(native) : column.Type.ToString();

    public static bool NotNull(Column column) => !column.Nullable || column.Generation == KeyGeneration.Identity;

    public static bool Identity(Column column) => column.Generation == KeyGeneration.Identity;

    /// <summary>Key generation by a random uuid and a "random" default are the same DEFAULT gen_random_uuid().</summary>
    public static string? Default(Column column)
    {
        if (column.Generation == KeyGeneration.RandomUuid)
        {
            return "random";
        }

        if (column.Generation == KeyGeneration.Identity || column.Default is not { } spec)
        {
            return null;
        }

        return spec.Kind switch
        {
            DefaultKind.Now => "now",
            DefaultKind.RandomUuid => "random",
            DefaultKind.Json => Json(spec.Value),
            _ => Literal(spec.Value),
        };
    }

    public static string? Comment(string? comment) => string.IsNullOrEmpty(comment) ? null : comment;

    private static string? Literal(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return "'" + number.ToString("G29", CultureInfo.InvariantCulture) + "'";
        }

        // A JSON document kept as text (SQLite, imported literals) compares as the document it is.
        if (value.Length > 1 && value[0] is '{' or '[' && TryJson(value) is { } json)
        {
            return "json " + json;
        }

        return value is "true" or "false" or "TRUE" or "FALSE" ? value.ToLowerInvariant() : "'" + value + "'";
    }

    private static string? Json(string? value) => value is null ? null : "json " + (TryJson(value) ?? value);

    /// <summary>The document with object keys sorted (jsonb keeps its own key order), or null when the text is not JSON.</summary>
    private static string? TryJson(string value)
    {
        try
        {
            using var document = JsonDocument.Parse(value);
            return Sorted(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Sorted(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => JsonSerializer.Serialize(p.Name) + ":" + Sorted(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Sorted)) + "]",
        _ => element.GetRawText(),
    };

    public static string List(IEnumerable<string> names) => string.Join(", ", names);

    public static string Show(string? value) => value ?? "(none)";
}
