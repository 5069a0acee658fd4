using DbArchitect.Core.Engines;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Design;

/// <summary>
/// Projects each table's rows to the forecast horizons and asks the engine's <see cref="ICapacityModel"/> what they
/// occupy. Rows grow linearly by the stated rows per day; with a retention, rows older than it are removed, so no
/// horizon holds more than today's rows plus one retention period of inserts.
/// </summary>
public static class CapacityForecaster
{
    public const double DaysPerYear = 365.25;

    public static CapacityForecast Forecast(SchemaModel physical, Retention? retention, string engine, ICapacityModel model, TypicalValues? values = null)
    {
        ArgumentNullException.ThrowIfNull(physical);
        ArgumentNullException.ThrowIfNull(model);
        values ??= TypicalValues.Default;
        var rows = physical.Tables.ToDictionary(t => t.Name, t => RowsAt(t, retention), StringComparer.Ordinal);
        Func<string, long> At(Func<Horizons, long> pick) => t => rows.TryGetValue(t, out var h) ? pick(h) : 0;
        var sizes = model.MeasureAt(physical, new[] { At(h => h.Today), At(h => h.OneYear), At(h => h.ThreeYears), At(h => h.AtRetention) }, values);
        var (today, oneYear, threeYears, atRetention) = (sizes[0], sizes[1], sizes[2], sizes[3]);

        var tables = new List<TableCapacity>(today.Count);
        for (var i = 0; i < today.Count; i++)
        {
            Horizons H(Func<TableSize, long> f) => new(f(today[i]), f(oneYear[i]), f(threeYears[i]), f(atRetention[i]));
            var indexes = today[i].Indexes.Select((index, j) => new IndexCapacity(today[i].Table, index.Index, index.Method, index.EntryBytes,
                H(t => t.Indexes[j].Bytes), index.Estimate, index.Basis)).ToArray();
            tables.Add(new TableCapacity(today[i].Table, rows[today[i].Table], today[i].RowBytes, today[i].RowsPerPage,
                H(t => t.HeapBytes), H(t => t.ToastBytes), indexes, today[i].Basis));
        }

        var assumptions = new List<string>
        {
            retention is null
                ? "Rows grow linearly by the stated rows per day; no retention is stated, so the last horizon is three years."
                : $"Rows grow linearly by the stated rows per day and rows older than the {retention} retention are removed, so no horizon exceeds today's rows plus {retention} of inserts.",
        };
        assumptions.AddRange(model.Assumptions(values));
        assumptions.AddRange(ProfiledWidths(physical, values));
        return new CapacityForecast(engine, retention?.ToString(), tables, assumptions);
    }

    /// <summary>Most columns listed per source; a 1,000-entity spec must not turn the assumptions into a catalogue.</summary>
    private const int ListedColumns = 40;

    /// <summary>One sentence per source of stated or measured widths (the requirements, a live database's statistics), naming the columns.</summary>
    private static IEnumerable<string> ProfiledWidths(SchemaModel physical, TypicalValues values)
    {
        var profiled = physical.Tables.SelectMany(t => t.Columns.Where(c => c.Profile is not null).Select(c => (Table: t.Name, Column: c)));
        foreach (var source in profiled.GroupBy(p => p.Column.Profile!.Source, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var listed = source.Take(ListedColumns).Select(p =>
            {
                var share = values.NullShare(p.Column);
                var size = values.Size(p.Column);
                var parts = new List<string>();
                if (p.Column.Profile!.AverageLength is not null && size > 0)
                {
                    parts.Add(InvariantText.Count(size) + (p.Column.Type.Kind is LogicalTypeKind.Json or LogicalTypeKind.Binary ? " bytes" : " characters"));
                }

                if (p.Column.Profile.NullShare is not null)
                {
                    parts.Add(InvariantText.Format($"{share:0.##%} NULL"));
                }

                return $"{p.Table}.{p.Column.Name} {string.Join(", ", parts)}";
            });
            var more = source.Count() - ListedColumns;
            yield return $"Widths from {source.Key}: {string.Join("; ", listed)}" + (more > 0 ? $"; and {InvariantText.Count(more)} more columns." : ".");
        }
    }

    /// <summary>Rows of a table at each horizon.</summary>
    public static Horizons RowsAt(Table table, Retention? retention)
    {
        ArgumentNullException.ThrowIfNull(table);
        var today = table.EstimatedRows ?? 0;
        var perDay = table.RowsPerDay ?? 0;
        var cap = retention is null ? long.MaxValue : checked(today + (long)(perDay * retention.Days));
        long After(double days) => Math.Min(cap, checked(today + (long)(perDay * days)));
        return new Horizons(today, After(DaysPerYear), After(DaysPerYear * 3), retention is null ? After(DaysPerYear * 3) : cap);
    }
}
