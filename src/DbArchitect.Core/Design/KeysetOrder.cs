namespace DbArchitect.Core.Design;

/// <summary>
/// The total order keyset pagination needs. A cursor of sort values skips or repeats rows when two rows share them,
/// so a sort that is not unique (with the equality-fixed columns) gets the primary key appended as a tie-breaker. The
/// index planner and the query writer both call this, so the index always ends with what the ORDER BY ends with.
/// </summary>
public static class KeysetOrder
{
    /// <summary>
    /// Primary-key columns to append after <paramref name="sortColumns"/> (none when the sort, with the columns fixed by
    /// equality, already contains the primary key or a unique key).
    /// </summary>
    public static IReadOnlyList<string> TieBreaker(
        IReadOnlyList<string> primaryKey, IEnumerable<IReadOnlyList<string>> uniqueKeys, IEnumerable<string> fixedColumns, IReadOnlyList<string> sortColumns)
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        ArgumentNullException.ThrowIfNull(uniqueKeys);
        ArgumentNullException.ThrowIfNull(fixedColumns);
        ArgumentNullException.ThrowIfNull(sortColumns);
        var known = fixedColumns.Concat(sortColumns).ToHashSet(StringComparer.Ordinal);
        if (primaryKey.All(known.Contains) || uniqueKeys.Any(u => u.Count > 0 && u.All(known.Contains)))
        {
            return Array.Empty<string>();
        }

        return primaryKey.Where(c => !known.Contains(c)).ToArray();
    }
}
