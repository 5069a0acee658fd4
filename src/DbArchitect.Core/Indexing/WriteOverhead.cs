namespace DbArchitect.Core.Indexing;

/// <summary>
/// What an index costs the writes, in the cost model's units per weight unit: every inserted or deleted row adds an
/// index entry (about two random page touches), and an UPDATE that sets an indexed column also loses the HOT path, so
/// it costs more. Heavily updated columns therefore make poor index keys.
/// </summary>
public static class WriteOverhead
{
    public const double PerInsertOrDelete = 2;

    public const double PerIndexedUpdate = 3;

    public static double Of(IndexDefinition index, IReadOnlyList<WorkloadWrite> writes)
    {
        var columns = index.Columns.Concat(index.Predicate.Select(p => p.Column)).ToHashSet(StringComparer.Ordinal);
        return writes.Where(w => string.Equals(w.Table, index.Table, StringComparison.Ordinal)).Sum(w => w.Kind switch
        {
            WriteKind.Update => w.Columns.Any(columns.Contains) || index.Keys.Any(k => k.Function == KeyFunction.Raw) ? w.Rate * PerIndexedUpdate : 0,
            _ => w.Rate * PerInsertOrDelete,
        });
    }
}
