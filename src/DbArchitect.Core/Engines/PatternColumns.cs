using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines;

/// <summary>
/// How every engine's query builder finds the columns an access pattern names: by match key (case, underscores and
/// spaces ignored, as the requirements reader validated them), and the range column — the declared range, or the
/// time-bucketed group-by column of an aggregate.
/// </summary>
internal static class PatternColumns
{
    public static Column Resolve(Table table, string name) =>
        table.Columns.FirstOrDefault(c => ImplicitColumns.SameKey(c.Name, name))
        ?? throw new KeyNotFoundException($"table {table.Name} has no column {name}.");

    public static Column? Range(Table table, AccessPatternSpec pattern) =>
        pattern.Range is { } range ? Resolve(table, range)
        : pattern.Aggregate is not null && pattern.GroupBy.FirstOrDefault(g => g.Bucket is not null) is { } bucket ? Resolve(table, bucket.Column)
        : null;
}
