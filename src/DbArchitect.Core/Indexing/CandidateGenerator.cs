using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Indexing;

/// <summary>
/// Proposes candidate indexes per scan: equality columns (most selective first), then one range column or the ORDER BY
/// columns with their direction, up to the width limit; covering variants with INCLUDE; partial indexes for constant
/// tests on low-distinct columns; expression keys; an inverted index of trigrams for infix LIKE and of the document's
/// keys and values for JSON containment; a block-range index for ranges over columns stored in time order. Only what
/// the engine can build survives, and each rule names the index kind in the engine's words.
/// </summary>
public static class CandidateGenerator
{
    /// <summary>Constant tests on columns with at most this many distinct values become partial-index conditions.</summary>
    public const double PartialMaxDistinct = 50;

    /// <summary>A constant that matches at most this share of rows makes a partial index worth its own entry.</summary>
    public const double PartialMaxFraction = 0.2;

    /// <summary>A block-range index needs rows in nearly key order and a table big enough that a B-tree's size matters.</summary>
    public const double BlockRangeMinCorrelation = 0.9;

    public const long BlockRangeMinRows = 100_000;

    private const int MaxIncludeColumns = 4;

    public static IReadOnlyList<IndexCandidate> Generate(Workload workload, IIndexAdviceDdl ddl, int maxWidth)
    {
        ArgumentNullException.ThrowIfNull(ddl);
        var spelling = ddl.Spelling;
        var byKey = new Dictionary<string, (IndexDefinition Definition, string Rule, List<string> Queries)>(StringComparer.Ordinal);
        foreach (var query in workload.Queries)
        {
            foreach (var scan in query.Scans)
            {
                var table = workload.FindTable(scan.Table);
                if (table is null || UniqueProbe(scan, table))
                {
                    continue;
                }

                foreach (var (definition, rule) in ForScan(scan, table, maxWidth, spelling))
                {
                    var fitted = Fit(definition, ddl.Capabilities, maxWidth);
                    if (fitted is null || fitted.Keys.Count == 0)
                    {
                        continue;
                    }

                    var key = fitted.Signature(spelling);
                    if (!byKey.TryGetValue(key, out var entry))
                    {
                        entry = (fitted, rule, new List<string>());
                        byKey[key] = entry;
                    }

                    if (!entry.Queries.Contains(query.Id))
                    {
                        entry.Queries.Add(query.Id);
                    }
                }
            }
        }

        foreach (var table in workload.Tables)
        {
            foreach (var fk in table.ForeignKeys.Where(fk => !table.Indexes.Any(i => LeadsWith(i.Definition, fk.Columns))))
            {
                var definition = new IndexDefinition(table.Name, fk.Columns.Select(c => AdvisedKey.Of(c)).ToList(), Array.Empty<string>(), IndexStructure.Ordered, Array.Empty<PredicateTest>(), false, null);
                byKey.TryAdd(definition.Signature(spelling), (definition, $"foreign key {fk.Name} to {fk.ReferencedTable} (deletes and joins from the parent)", new List<string>()));
            }
        }

        return byKey.Values.OrderBy(v => v.Definition.Signature(spelling), StringComparer.Ordinal)
            .Select(v => new IndexCandidate(v.Definition, v.Rule, v.Queries)).ToList();
    }

    /// <summary>True when the index's leading plain keys are exactly these columns in some order (it serves lookups by them).</summary>
    public static bool LeadsWith(IndexDefinition index, IReadOnlyList<string> columns) =>
        index.Method == IndexStructure.Ordered && !index.IsPartial && index.Keys.Count >= columns.Count
        && index.Keys.Take(columns.Count).All(k => k.Function == KeyFunction.None && columns.Contains(k.Column, StringComparer.Ordinal));

    /// <summary>
    /// True when the scan's equality tests cover every column of an existing unique index: each probe finds at most one
    /// row through it, so a wider or covering index saves one row fetch at the price of a whole index.
    /// </summary>
    private static bool UniqueProbe(WorkloadScan scan, TableProfile table)
    {
        var equal = scan.Predicates.Where(p => p.Operator == PredicateOperator.Equality && p.Function == KeyFunction.None).Select(p => p.Column).ToHashSet(StringComparer.Ordinal);
        return table.Indexes.Any(i => i.Definition.Unique && !i.Definition.IsPartial && i.Definition.Method == IndexStructure.Ordered
            && i.Definition.Keys.All(k => k.Function == KeyFunction.None && equal.Contains(k.Column)));
    }

    private static IEnumerable<(IndexDefinition, string)> ForScan(WorkloadScan scan, TableProfile table, int maxWidth, IIndexSpelling spelling)
    {
        var plain = scan.Predicates.Where(p => p.Function != KeyFunction.Raw).ToList();
        var equalities = plain.Where(p => p.Operator is PredicateOperator.Equality or PredicateOperator.In)
            .OrderBy(p => p.Operator == PredicateOperator.In ? 1 : 0)
            .ThenBy(p => Selectivity.Of(p, table))
            .ThenBy(p => p.Column, StringComparer.Ordinal)
            .ToList();
        var ranges = plain.Where(p => p.Operator is PredicateOperator.Range or PredicateOperator.PrefixLike).ToList();
        var eqKeys = equalities.Select(Key).Distinct().ToList();
        var include = scan.AllColumns ? new List<string>() : scan.TouchedColumns.ToList();

        if (eqKeys.Count > 0)
        {
            yield return (Make(scan.Table, eqKeys, null), "equality columns, most selective first");
        }

        foreach (var range in ranges)
        {
            yield return (Make(scan.Table, eqKeys.Append(Key(range)).ToList(), null), eqKeys.Count > 0 ? "equality columns then the range column" : "range column");
            yield return (Make(scan.Table, eqKeys.Append(Key(range)).ToList(), include), "covering: equality + range keys, the rest in INCLUDE");
        }

        if (scan.OrderBy.Count > 0)
        {
            var order = eqKeys.Concat(scan.OrderBy.Where(o => !eqKeys.Any(k => k.Function == KeyFunction.None && k.Column == o.Column)).Select(o => AdvisedKey.Of(o.Column, o.Descending))).ToList();
            if (order.Count <= maxWidth)
            {
                var rule = scan.Limit is not null ? "equality columns then ORDER BY keys (reads only LIMIT rows in order)" : "equality columns then ORDER BY keys (no sort)";
                yield return (Make(scan.Table, order, null), rule);
                yield return (Make(scan.Table, order, include), "covering: " + rule);
            }
        }

        if (scan.GroupBy.Count > 0)
        {
            var group = eqKeys.Concat(scan.GroupBy.Where(g => table.HasColumn(g)).Select(g => AdvisedKey.Of(g))).ToList();
            yield return (Make(scan.Table, group, include), "covering: equality then GROUP BY keys (index-only aggregate)");
        }

        if (eqKeys.Count > 0 && include.Count > 0)
        {
            yield return (Make(scan.Table, eqKeys, include), "covering: equality keys, the rest in INCLUDE");
        }

        foreach (var (definition, rule) in Partials(scan, table, equalities, ranges))
        {
            yield return (definition, rule);
        }

        foreach (var infix in plain.Where(p => p.Operator == PredicateOperator.InfixLike || (p.Operator == PredicateOperator.PrefixLike && p.Function == KeyFunction.None)))
        {
            if (table.Column(infix.Column).Family == ColumnFamily.Text)
            {
                yield return (new IndexDefinition(scan.Table, new[] { new AdvisedKey(infix.Column, KeyFunction.None, null, false, KeyMatch.Trigram) }, Array.Empty<string>(), IndexStructure.Inverted, Array.Empty<PredicateTest>(), false, null),
                    $"{spelling.Kind(IndexStructure.Inverted, KeyMatch.Trigram)} for LIKE '%…%' (a {spelling.Kind(IndexStructure.Ordered, KeyMatch.Ordinary)} cannot seek an infix)");
            }
        }

        foreach (var json in plain.Where(p => p.Operator == PredicateOperator.JsonContains))
        {
            yield return (new IndexDefinition(scan.Table, new[] { new AdvisedKey(json.Column, KeyFunction.None, null, false, KeyMatch.Containment) }, Array.Empty<string>(), IndexStructure.Inverted, Array.Empty<PredicateTest>(), false, null),
                $"{spelling.Kind(IndexStructure.Inverted, KeyMatch.Containment)} for JSON containment ({spelling.ContainmentOperator})");
        }

        foreach (var range in ranges.Where(r => r.Function == KeyFunction.None && table.Rows >= BlockRangeMinRows && table.Column(r.Column).Correlation >= BlockRangeMinCorrelation))
        {
            yield return (new IndexDefinition(scan.Table, new[] { AdvisedKey.Of(range.Column) }, Array.Empty<string>(), IndexStructure.BlockRange, Array.Empty<PredicateTest>(), false, null),
                $"{spelling.Kind(IndexStructure.BlockRange, KeyMatch.Ordinary)}: {range.Column} is stored in time order (correlation {table.Column(range.Column).Correlation:0.00}); a block-range index is a fraction of a {spelling.Kind(IndexStructure.Ordered, KeyMatch.Ordinary)}'s size");
        }
    }

    private static IEnumerable<(IndexDefinition, string)> Partials(WorkloadScan scan, TableProfile table, List<ScanPredicate> equalities, List<ScanPredicate> ranges)
    {
        foreach (var test in equalities.Where(p => p.Operator == PredicateOperator.Equality && p.Function == KeyFunction.None && p.Constant is not null))
        {
            var column = table.Column(test.Column);
            var share = column.CommonValues.TryGetValue(test.Constant!, out var frequency) ? frequency : 1.0 / Math.Max(1, column.Distinct);
            if (column.Distinct > PartialMaxDistinct || share > PartialMaxFraction)
            {
                continue;
            }

            var rest = equalities.Where(p => p != test).Select(Key).Concat(ranges.Select(Key))
                .Concat(scan.OrderBy.Select(o => AdvisedKey.Of(o.Column, o.Descending))).Distinct().ToList();
            if (rest.Count == 0)
            {
                continue;
            }

            var condition = new[] { new PredicateTest(test.Column, PredicateOperator.Equality, test.Constant, test.ConstantIsText) };
            yield return (new IndexDefinition(scan.Table, rest, Array.Empty<string>(), IndexStructure.Ordered, condition, false, null),
                $"partial: only rows where {condition[0]} ({share:P1} of the table), keyed by the other tests");
        }

        foreach (var isNull in scan.Predicates.Where(p => p.Operator == PredicateOperator.IsNull && p.Function == KeyFunction.None))
        {
            var rest = equalities.Select(Key).Concat(ranges.Select(Key)).Concat(scan.OrderBy.Select(o => AdvisedKey.Of(o.Column, o.Descending))).Distinct().ToList();
            if (rest.Count > 0 && table.Column(isNull.Column).NullFraction < 0.5)
            {
                var condition = new[] { new PredicateTest(isNull.Column, PredicateOperator.IsNull, null, false) };
                yield return (new IndexDefinition(scan.Table, rest, Array.Empty<string>(), IndexStructure.Ordered, condition, false, null),
                    $"partial: only rows where {isNull.Column} is null");
                if (!scan.AllColumns)
                {
                    yield return (Make(scan.Table, rest, scan.TouchedColumns.ToList()) with { Predicate = condition },
                        $"covering partial: only rows where {isNull.Column} is null, the rest in INCLUDE");
                }
            }
        }
    }

    private static AdvisedKey Key(ScanPredicate p) => new(p.Column, p.Function, p.FunctionArgument, false, KeyMatch.Ordinary);

    private static IndexDefinition Make(string table, IReadOnlyList<AdvisedKey> keys, IReadOnlyList<string>? include)
    {
        var keyColumns = keys.Where(k => k.Function == KeyFunction.None).Select(k => k.Column).ToHashSet(StringComparer.Ordinal);
        var extra = (include ?? Array.Empty<string>()).Where(c => !keyColumns.Contains(c)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new IndexDefinition(table, keys, extra.Count is > 0 and <= MaxIncludeColumns ? extra : Array.Empty<string>(), IndexStructure.Ordered, Array.Empty<PredicateTest>(), false, null);
    }

    /// <summary>
    /// The candidate as the engine can build it within the width limit, each column keyed once: INCLUDE folded into the key where the engine has
    /// no INCLUDE (while the key stays within the limit + INCLUDE budget), or null when it cannot be built.
    /// </summary>
    private static IndexDefinition? Fit(IndexDefinition index, IndexCapabilities capabilities, int maxWidth)
    {
        // A column serves one key position: a second key on it (a range key then ORDER BY the same column DESC) adds
        // width and nothing a B-tree can use, since a backward scan gives the other direction.
        index = index with { Keys = index.Keys.DistinctBy(k => (k.Column, k.Function, k.Argument)).ToList() };
        if (index.Keys.Count > maxWidth)
        {
            index = index with { Keys = index.Keys.Take(maxWidth).ToList(), Include = Array.Empty<string>() };
        }

        if (index.Include.Count > 0 && !capabilities.Include)
        {
            return null;
        }

        return capabilities.Supports(index) ? index : null;
    }
}
