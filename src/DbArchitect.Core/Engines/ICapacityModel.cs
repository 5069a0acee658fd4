using DbArchitect.Core.Design;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Engines;

/// <summary>
/// How an engine stores rows and indexes on disk. <see cref="Measure"/> sizes a physical model holding given row
/// counts; the forecast applies it to the projected rows of each horizon. Engines implement it with their own page
/// layout, alignment and index structures.
/// </summary>
public interface ICapacityModel
{
    /// <summary>The storage rules and typical-value assumptions the figures rest on, one sentence each.</summary>
    IReadOnlyList<string> Assumptions(TypicalValues values);

    /// <summary>Bytes of each table (heap, TOAST, each index) when every table holds the rows <paramref name="rowsOf"/> gives.</summary>
    IReadOnlyList<TableSize> Measure(SchemaModel physical, Func<string, long> rowsOf, TypicalValues values);

    /// <summary>
    /// <see cref="Measure"/> at each of several row counts (the forecast's horizons), in their order. Only page, posting
    /// and level counts depend on the rows, so an engine overrides this to lay each table and index out once.
    /// </summary>
    IReadOnlyList<IReadOnlyList<TableSize>> MeasureAt(SchemaModel physical, IReadOnlyList<Func<string, long>> rowsAt, TypicalValues values)
    {
        ArgumentNullException.ThrowIfNull(rowsAt);
        return rowsAt.Select(rowsOf => Measure(physical, rowsOf, values)).ToArray();
    }
}

/// <summary>One table's size at one row count.</summary>
public sealed record TableSize(string Table, long Rows, int RowBytes, int RowsPerPage, long HeapBytes, long ToastBytes, IReadOnlyList<IndexSize> Indexes, string Basis);

public sealed record IndexSize(string Index, string Method, int EntryBytes, long Bytes, bool Estimate, string Basis);
