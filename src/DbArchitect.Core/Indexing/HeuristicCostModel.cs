using DbArchitect.Core.Model;

namespace DbArchitect.Core.Indexing;

/// <summary>
/// A planner-shaped cost model for when no what-if engine is at hand (design mode, other engines, PostgreSQL without
/// HypoPG). Units follow PostgreSQL's defaults: a sequential page read costs 1, a random one 4, a row 0.01. A scan
/// costs the cheapest of a full scan and each usable index: B-tree descent, the index entries its leading keys match,
/// heap fetches unless the index covers the scan, a sort unless the index yields the ORDER BY, and LIMIT cut short
/// when rows come in order.
/// </summary>
public sealed class HeuristicCostModel : IIndexCostModel
{
    private const double PageBytes = 8192;
    private const double RandomPage = 4;
    private const double RowCpu = 0.01;
    private const double IndexRowCpu = 0.005;
    private const double OperatorCpu = 0.0025;
    private readonly Workload _workload;

    public HeuristicCostModel(Workload workload, string? reason = null)
    {
        _workload = workload;
        Description = reason ?? "heuristic cost model (planner-style page and row costs from table statistics)";
    }

    public CostConfidence Confidence => CostConfidence.Heuristic;

    public string Description { get; }

    public double Cost(WorkloadQuery query, IReadOnlyList<IndexDefinition> extra) =>
        query.Scans.Sum(scan => _workload.FindTable(scan.Table) is { } table
            ? ScanCost(scan, table, table.Indexes.Select(i => i.Definition).Concat(extra.Where(e => e.Table == table.Name)).ToList())
            : 0);

    public double SizeBytes(IndexDefinition index)
    {
        var table = _workload.FindTable(index.Table);
        if (table is null)
        {
            return PageBytes;
        }

        var pages = Pages(table);
        if (index.Method == IndexStructure.BlockRange)
        {
            return Math.Max(2, pages / 128.0 / 100) * PageBytes;
        }

        var share = index.Predicate.Aggregate(1.0, (s, p) => s * Selectivity.Of(new ScanPredicate(p.Column, p.Operator, Constant: p.Constant), table));
        var width = index.Keys.Sum(k => k.Function == KeyFunction.Raw ? 8 : table.Column(k.Column).Width) + index.Include.Sum(c => table.Column(c).Width);
        var entry = 8 + 8 + Math.Max(8, width);
        var factor = index.Method == IndexStructure.Inverted ? 3.0 : 1.0 / 0.9; // GIN holds one entry per trigram; B-trees fill 90 %.
        return Math.Max(PageBytes, table.Rows * share * entry * factor);
    }

    private static double Pages(TableProfile table) => table.Pages > 0 ? table.Pages : Math.Max(1, table.Rows * table.RowWidth / PageBytes);

    private static double ScanCost(WorkloadScan scan, TableProfile table, IReadOnlyList<IndexDefinition> indexes)
    {
        var rows = Math.Max(1, table.Rows);
        var pages = Pages(table);
        var selectivity = scan.Predicates.Aggregate(1.0, (s, p) => s * Selectivity.Of(p, table));
        var output = Math.Max(1, rows * selectivity);
        var needsOrder = scan.OrderBy.Count > 0;
        var sort = needsOrder && output > 1 ? output * Math.Log2(output) * 2 * OperatorCpu : 0;
        var wanted = scan.Limit is { } limit && needsOrder ? Math.Min(output, limit) : output;
        var best = pages + rows * (RowCpu + OperatorCpu * scan.Predicates.Count) + sort;
        if (scan.Limit is not null && !needsOrder)
        {
            best = Math.Min(best, (pages + rows * RowCpu) * Math.Min(1, scan.Limit.Value / output));
        }

        foreach (var index in indexes)
        {
            if (IndexScanCost(scan, table, index, rows, pages, output, wanted, sort) is { } cost && cost < best)
            {
                best = cost;
            }
        }

        return best;
    }

    private static double? IndexScanCost(WorkloadScan scan, TableProfile table, IndexDefinition index, double rows, double pages, double output, double wanted, double sort)
    {
        if (index.RawPredicate is not null || !index.Predicate.All(p => p.ImpliedBy(scan)))
        {
            return null;
        }

        var partialShare = index.Predicate.Aggregate(1.0, (s, p) => s * Selectivity.Of(new ScanPredicate(p.Column, p.Operator, Constant: p.Constant), table));
        if (index.Method == IndexStructure.Inverted)
        {
            var column = index.Keys[0];
            var served = scan.Predicates.Where(p => p.Column == column.Column && (column.Match == KeyMatch.Trigram
                ? p.Operator is PredicateOperator.InfixLike or PredicateOperator.PrefixLike
                : p.Operator == PredicateOperator.JsonContains)).ToList();
            if (served.Count == 0)
            {
                return null;
            }

            var fetched = rows * served.Aggregate(1.0, (s, p) => s * Selectivity.Of(p, table));
            return 20 + fetched * 0.05 + Math.Min(fetched * RandomPage, pages) + fetched * RowCpu + sort;
        }

        if (index.Method == IndexStructure.BlockRange)
        {
            var range = scan.Predicates.FirstOrDefault(p => index.Keys[0].Matches(p) && p.Operator == PredicateOperator.Range);
            if (range is null)
            {
                return null;
            }

            var correlation = Math.Abs(table.Column(range.Column).Correlation);
            var blockShare = Math.Min(1, Selectivity.Of(range, table) / Math.Max(0.05, correlation * correlation));
            return pages / 128 + pages * blockShare + rows * blockShare * (RowCpu + OperatorCpu * scan.Predicates.Count) + sort;
        }

        // B-tree: leading keys matched by equality/IN, then at most one range; an ORDER BY is served by the keys after the equality prefix.
        var matched = 1.0;
        var equalityPrefix = 0;
        var usedRange = false;
        foreach (var key in index.Keys)
        {
            var predicate = scan.Predicates.FirstOrDefault(p => key.Matches(p) && p.Operator is PredicateOperator.Equality or PredicateOperator.In or PredicateOperator.Range or PredicateOperator.PrefixLike or PredicateOperator.IsNull);
            if (predicate is null)
            {
                break;
            }

            matched *= Selectivity.Of(predicate, table);
            if (predicate.Operator is PredicateOperator.Range or PredicateOperator.PrefixLike)
            {
                usedRange = true;
                break;
            }

            equalityPrefix++;
        }

        var ordered = !usedRange && ServesOrder(scan, index, equalityPrefix);
        if (matched >= 1 && !ordered && !index.IsPartial)
        {
            return null;
        }

        var residual = Math.Max(1e-9, output / Math.Max(1, rows * matched * partialShare));
        var entries = rows * matched * partialShare;
        if (ordered && scan.Limit is not null)
        {
            entries = Math.Min(entries, wanted / residual);
        }

        var covered = !scan.AllColumns && scan.TouchedColumns.All(c => index.Columns.Contains(c, StringComparer.Ordinal));
        var heap = covered ? entries * RowCpu * 0.1 : Math.Min(entries * RandomPage, pages + entries * RowCpu);
        var descent = 4 + Math.Log2(Math.Max(2, rows)) * 0.05;
        return descent + entries * IndexRowCpu + heap + entries * OperatorCpu * scan.Predicates.Count + (ordered ? 0 : sort);
    }

    private static bool ServesOrder(WorkloadScan scan, IndexDefinition index, int equalityPrefix)
    {
        if (scan.OrderBy.Count == 0)
        {
            return false;
        }

        var rest = index.Keys.Skip(equalityPrefix).ToList();
        var order = scan.OrderBy.Where(o => !index.Keys.Take(equalityPrefix).Any(k => k.Column == o.Column && k.Function == KeyFunction.None)).ToList();
        if (order.Count == 0 || rest.Count < order.Count)
        {
            return order.Count == 0;
        }

        var same = order.Select((o, i) => rest[i].Function == KeyFunction.None && rest[i].Column == o.Column && rest[i].Descending == o.Descending).All(x => x);
        var reversed = order.Select((o, i) => rest[i].Function == KeyFunction.None && rest[i].Column == o.Column && rest[i].Descending != o.Descending).All(x => x);
        return same || reversed;
    }
}
