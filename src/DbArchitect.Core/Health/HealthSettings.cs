using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace DbArchitect.Core.Health;

/// <summary>
/// Threshold overrides and exclusions, from -Threshold @{…} and/or a settings file:
/// <code>
/// { "thresholds": { "DEAD_TUPLES": { "warning": 10, "critical": 40 }, "UNUSED_INDEX@shop:public.big_idx": 500 },
///   "exclusions": [ { "check": "TABLE_WITHOUT_PK", "database": "shop", "target": "public.audit_*", "reason": "append-only log" } ] }
/// </code>
/// A bare number sets the warning level; an object sets warning and/or critical.
/// </summary>
public sealed record HealthSettings(IReadOnlyList<HealthThresholdOverride> Thresholds, IReadOnlyList<HealthExclusion> Exclusions)
{
    public static readonly HealthSettings Empty = new(Array.Empty<HealthThresholdOverride>(), Array.Empty<HealthExclusion>());

    /// <summary>These settings with the other's added after them (the other's thresholds win on equal specificity).</summary>
    public HealthSettings Merge(HealthSettings other) => new(Thresholds.Concat(other.Thresholds).ToList(), Exclusions.Concat(other.Exclusions).ToList());

    public HealthThreshold ThresholdFor(HealthCheck check, string database, string target)
    {
        var threshold = check.DefaultThreshold;
        var matching = Thresholds
            .Select((o, order) => (o, order, specificity: o.Specificity(check.Id, database, target)))
            .Where(x => x.specificity > 0)
            .OrderBy(x => x.specificity).ThenBy(x => x.order);
        foreach (var (o, _, _) in matching)
        {
            threshold = threshold with { Warning = o.Warning ?? threshold.Warning, Critical = o.Critical ?? threshold.Critical };
        }

        return threshold;
    }

    public HealthExclusion? ExclusionFor(HealthCheckResult result) => Exclusions.FirstOrDefault(e => e.Covers(result));

    /// <summary>From a dictionary (-Threshold @{ DEAD_TUPLES = 10; 'UNUSED_INDEX:public.x' = @{ Warning = 1; Critical = 5 } }).</summary>
    public static HealthSettings FromDictionary(IDictionary thresholds)
    {
        var list = new List<HealthThresholdOverride>();
        foreach (DictionaryEntry entry in thresholds)
        {
            var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
            var (warning, critical) = entry.Value switch
            {
                IDictionary levels => (Number(Lookup(levels, "Warning"), key), Number(Lookup(levels, "Critical"), key)),
                var value => (Number(value, key), (double?)null),
            };
            list.Add(HealthThresholdOverride.Parse(key, warning, critical));
        }

        return new HealthSettings(list.OrderBy(o => o.CheckId, StringComparer.Ordinal).ToList(), Array.Empty<HealthExclusion>());
    }

    /// <summary>Reads a settings file's JSON; a wrong shape is a <see cref="FormatException"/> naming the entry.</summary>
    public static HealthSettings Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = document.RootElement;
            var thresholds = new List<HealthThresholdOverride>();
            if (root.TryGetProperty("thresholds", out var t))
            {
                foreach (var property in t.EnumerateObject())
                {
                    var (warning, critical) = property.Value.ValueKind == JsonValueKind.Object
                        ? (Optional(property.Value, "warning"), Optional(property.Value, "critical"))
                        : (property.Value.GetDouble(), (double?)null);
                    thresholds.Add(HealthThresholdOverride.Parse(property.Name, warning, critical));
                }
            }

            var exclusions = new List<HealthExclusion>();
            if (root.TryGetProperty("exclusions", out var e))
            {
                foreach (var item in e.EnumerateArray())
                {
                    var reason = Text(item, "reason");
                    if (string.IsNullOrWhiteSpace(reason))
                    {
                        throw new FormatException($"The exclusion of '{Text(item, "check")}' has no reason; say why the finding is accepted.");
                    }

                    exclusions.Add(new HealthExclusion(Text(item, "check") ?? "*", Text(item, "database"), Text(item, "target"), reason));
                }
            }

            return new HealthSettings(thresholds, exclusions);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new FormatException($"The health settings are not in the expected shape: {ex.Message}", ex);
        }
    }

    private static object? Lookup(IDictionary levels, string name)
    {
        foreach (DictionaryEntry entry in levels)
        {
            if (string.Equals(Convert.ToString(entry.Key, CultureInfo.InvariantCulture), name, StringComparison.OrdinalIgnoreCase))
            {
                return entry.Value;
            }
        }

        return null;
    }

    private static double? Number(object? value, string key) => value switch
    {
        null => null,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        IConvertible c and not string => c.ToDouble(CultureInfo.InvariantCulture),
        _ => throw new FormatException($"The threshold '{key}' is not a number (or a table of Warning and Critical numbers)."),
    };

    private static double? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
