using System.Runtime.CompilerServices;

namespace DbArchitect.Core.Design;

/// <summary>A figure at the four horizons of a forecast: today, after one and three years, and at the retention limit.</summary>
public sealed record Horizons(long Today, long OneYear, long ThreeYears, long AtRetention)
{
    public static readonly Horizons Zero = new(0, 0, 0, 0);

    public static Horizons operator +(Horizons a, Horizons b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        // Checked: a sum past 9.2 EB must be an error, not a negative size.
        return checked(new(a.Today + b.Today, a.OneYear + b.OneYear, a.ThreeYears + b.ThreeYears, a.AtRetention + b.AtRetention));
    }

    public Horizons Map(Func<long, long> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(f(Today), f(OneYear), f(ThreeYears), f(AtRetention));
    }

    public static Horizons Add(Horizons a, Horizons b) => a + b;
}

/// <summary>The on-disk size of one index at the forecast's horizons.</summary>
public sealed record IndexCapacity(
    string Table,
    string Index,
    string Method,
    int EntryBytes,
    Horizons Bytes,
    bool Estimate,
    string Basis)
{
    public long BytesToday => Bytes.Today;

    public long BytesAtRetention => Bytes.AtRetention;
}

/// <summary>
/// One table's forecast: rows and the width of a typical row, heap (and TOAST) bytes, each index's bytes, and the
/// total, at each horizon.
/// </summary>
public sealed record TableCapacity(
    string Table,
    Horizons Rows,
    int RowBytes,
    int RowsPerPage,
    Horizons HeapBytes,
    Horizons ToastBytes,
    IReadOnlyList<IndexCapacity> Indexes,
    string Basis)
{
    public Horizons IndexBytes => Indexes.Select(i => i.Bytes).Aggregate(Horizons.Zero, Horizons.Add);

    public Horizons TotalBytes => HeapBytes + ToastBytes + IndexBytes;

    // One horizon's total without the others' (design.json writes the four totals of every table).
    private long TotalAt(Func<Horizons, long> at)
    {
        var total = checked(at(HeapBytes) + at(ToastBytes));
        foreach (var index in Indexes)
        {
            total = checked(total + at(index.Bytes));
        }

        return total;
    }

    public long RowsToday => Rows.Today;

    public long RowsOneYear => Rows.OneYear;

    public long RowsThreeYears => Rows.ThreeYears;

    public long RowsAtRetention => Rows.AtRetention;

    public long TotalToday => TotalAt(static h => h.Today);

    public long TotalOneYear => TotalAt(static h => h.OneYear);

    public long TotalThreeYears => TotalAt(static h => h.ThreeYears);

    public long TotalAtRetention => TotalAt(static h => h.AtRetention);
}

/// <summary>The capacity forecast of a design: per table and index, and the totals, with the assumptions it rests on.</summary>
public sealed record CapacityForecast(
    string Engine,
    string? Retention,
    IReadOnlyList<TableCapacity> Tables,
    IReadOnlyList<string> Assumptions)
{
    public static readonly CapacityForecast Empty = new(string.Empty, null, Array.Empty<TableCapacity>(), Array.Empty<string>());

    public Horizons Rows => Tables.Select(t => t.Rows).Aggregate(Horizons.Zero, Horizons.Add);

    public Horizons HeapBytes => Tables.Select(t => t.HeapBytes + t.ToastBytes).Aggregate(Horizons.Zero, Horizons.Add);

    public Horizons IndexBytes => Tables.Select(t => t.IndexBytes).Aggregate(Horizons.Zero, Horizons.Add);

    public Horizons TotalBytes => HeapBytes + IndexBytes;

    /// <summary>The first table named <paramref name="table"/> (ordinal), or null.</summary>
    public TableCapacity? For(string table) =>
        ByName.GetValue(Tables, static list =>
        {
            var map = new Dictionary<string, TableCapacity>(list.Count, StringComparer.Ordinal);
            foreach (var capacity in list)
            {
                map.TryAdd(capacity.Table, capacity);
            }

            return map;
        }).GetValueOrDefault(table);

    // Keyed by the (immutable) list, outside the record's equality: the advisors ask for every table of a large design.
    private static readonly ConditionalWeakTable<IReadOnlyList<TableCapacity>, Dictionary<string, TableCapacity>> ByName = new();
}
