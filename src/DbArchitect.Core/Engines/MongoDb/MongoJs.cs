using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DbArchitect.Core.Engines.MongoDb;

/// <summary>
/// The one escaper for JavaScript text the MongoDB files hold: every value from the requirements becomes a JSON string
/// literal (a valid JavaScript literal: quotes, backslashes, control characters and line separators escaped), objects
/// are JSON, and parameters are the only raw expressions, written by <see cref="Param"/>.
/// </summary>
internal static class MongoJs
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string String(string value) => Escape(JsonSerializer.Serialize(value, Compact));

    public static string Json(JsonNode node) => Escape(node.ToJsonString(Compact));

    /// <summary>A parameter of a query template: <c>p["customer_id"]</c>.</summary>
    public static string Param(string name) => "p[" + String(name) + "]";

    /// <summary>An object literal from keys and JavaScript expressions, keys quoted.</summary>
    public static string Object(IEnumerable<(string Key, string Value)> members) =>
        "{ " + string.Join(", ", members.Select(m => String(m.Key) + ": " + m.Value)) + " }";

    // The relaxed encoder leaves U+2028/U+2029 as they are; older JavaScript parsers end a line there.
    private static string Escape(string json) => json.Replace("\u2028", "\\u2028", StringComparison.Ordinal).Replace("\u2029", "\\u2029", StringComparison.Ordinal);
}
