namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// Where a run of stored columns ends, for any offset it starts at. Every alignment divides 8 (MAXALIGN), so the run
/// moves an offset of 8·m + r to 8·m + End[r]: eight figures describe it, and two runs compose in eight steps. This
/// lets the heap model ask "how long is the row with column i changed or left out" in constant or logarithmic time
/// instead of re-laying the whole row, which made design time grow with the square of a table's width.
/// </summary>
internal readonly struct PostgreSqlTupleFold
{
    private const int Residues = PostgreSqlCapacity.MaxAlign;

    private readonly int[] _end;

    private PostgreSqlTupleFold(int[] end) => _end = end;

    /// <summary>The run of no columns: every offset stays where it is.</summary>
    public static PostgreSqlTupleFold Identity { get; } = new(Enumerable.Range(0, Residues).ToArray());

    /// <summary>One column laid out as <see cref="PostgreSqlCapacity.DataBytes"/> lays it.</summary>
    public static PostgreSqlTupleFold Of(PostgreSqlCapacity.Stored column)
    {
        var end = new int[Residues];
        for (var r = 0; r < Residues; r++)
        {
            end[r] = PostgreSqlCapacity.End(column, r);
        }

        return new PostgreSqlTupleFold(end);
    }

    /// <summary>Where the run ends when it starts at <paramref name="offset"/>.</summary>
    public int Apply(int offset)
    {
        var r = offset % Residues;
        return offset - r + _end[r];
    }

    /// <summary>This run followed by <paramref name="next"/>.</summary>
    public PostgreSqlTupleFold Then(PostgreSqlTupleFold next)
    {
        var end = new int[Residues];
        for (var r = 0; r < Residues; r++)
        {
            end[r] = next.Apply(_end[r]);
        }

        return new PostgreSqlTupleFold(end);
    }
}

/// <summary>
/// The columns of a row in a segment tree of folds: replacing one column re-composes only its path to the root, so
/// moving values to TOAST one at a time costs log(width) each, not a pass over the whole row.
/// </summary>
internal sealed class PostgreSqlTupleTree
{
    private readonly PostgreSqlTupleFold[] _nodes;
    private readonly int _leaves;

    public PostgreSqlTupleTree(IReadOnlyList<PostgreSqlCapacity.Stored> columns)
    {
        _leaves = 1;
        while (_leaves < columns.Count)
        {
            _leaves *= 2;
        }

        _nodes = new PostgreSqlTupleFold[2 * _leaves];
        for (var i = 0; i < _leaves; i++)
        {
            _nodes[_leaves + i] = i < columns.Count ? PostgreSqlTupleFold.Of(columns[i]) : PostgreSqlTupleFold.Identity;
        }

        for (var node = _leaves - 1; node >= 1; node--)
        {
            _nodes[node] = _nodes[2 * node].Then(_nodes[(2 * node) + 1]);
        }
    }

    /// <summary>Bytes of the column data after a header of <paramref name="start"/> bytes (as <see cref="PostgreSqlCapacity.DataBytes"/>).</summary>
    public int DataBytes(int start) => _nodes[1].Apply(start) - start;

    public void Replace(int index, PostgreSqlCapacity.Stored column)
    {
        var node = _leaves + index;
        _nodes[node] = PostgreSqlTupleFold.Of(column);
        for (node /= 2; node >= 1; node /= 2)
        {
            _nodes[node] = _nodes[2 * node].Then(_nodes[(2 * node) + 1]);
        }
    }
}
