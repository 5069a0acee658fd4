namespace DbArchitect.Core.Health;

/// <summary>
/// A threshold set by the user for a check, optionally only in one database and/or for one object. The key reads
/// <c>CHECK_ID</c>, <c>CHECK_ID@database</c>, <c>CHECK_ID:target</c> or <c>CHECK_ID@database:target</c> (target may
/// use * wildcards); the most specific key wins. A value left out keeps the default.
/// </summary>
public sealed record HealthThresholdOverride(string CheckId, string? Database, string? Target, double? Warning, double? Critical)
{
    public static HealthThresholdOverride Parse(string key, double? warning, double? critical)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var head = colon < 0 ? key : key[..colon];
        var target = colon < 0 ? null : key[(colon + 1)..];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        var check = (at < 0 ? head : head[..at]).Trim();
        var database = at < 0 ? null : head[(at + 1)..].Trim();
        if (check.Length == 0)
        {
            throw new FormatException($"Threshold key '{key}' names no check id.");
        }

        return new HealthThresholdOverride(check.ToUpperInvariant(), database is { Length: > 0 } ? database : null, target is { Length: > 0 } ? target.Trim() : null, warning, critical);
    }

    /// <summary>0 when it does not apply; otherwise higher for more specific keys.</summary>
    public int Specificity(string checkId, string database, string target)
    {
        if (!CheckId.Equals(checkId, StringComparison.OrdinalIgnoreCase)
            || (Database is not null && !Database.Equals(database, StringComparison.Ordinal))
            || (Target is not null && !HealthPattern.Matches(Target, target)))
        {
            return 0;
        }

        return 1 + (Database is null ? 0 : 1) + (Target is null ? 0 : 2);
    }
}
