using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Technology;

/// <summary>
/// The one rule for what a cache in front of the primary serves: access patterns that read rows by key or page
/// (no text search, aggregate or time range, whose answers change with every write or span too much) of entities read
/// more often than they are written, leaving out entities another part already serves (live positions).
/// </summary>
internal static class CacheablePatterns
{
    public static IReadOnlyList<AccessPatternSpec> Of(DbRequirement requirement, IEnumerable<string> servedElsewhere)
    {
        var excluded = servedElsewhere.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return requirement.AccessPatterns
            .Where(p => p.Search.Count == 0 && p.Aggregate is null && p.Range is null && !excluded.Contains(p.Entity))
            .Where(p => ReadMoreThanWritten(requirement, p))
            .ToList();
    }

    /// <summary>
    /// A cached answer lives until the next write of its rows: an entity written faster than the pattern reads it
    /// would be invalidated before it is read again. An unstated read rate counts only for entities written less than
    /// once a second.
    /// </summary>
    private static bool ReadMoreThanWritten(DbRequirement requirement, AccessPatternSpec pattern)
    {
        var writes = (requirement.FindEntity(pattern.Entity)?.RowsPerDay ?? 0) / 86_400.0;
        return pattern.PerSecond is { } reads ? reads > writes : writes < 1;
    }
}
