using System.Globalization;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Indexing;
using DbArchitect.Core.Live;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// What-if costing with HypoPG: the set of indexes to try is created as hypothetical indexes (private to this session,
/// nothing is written), cached plans are discarded, and the statement's generic plan is explained; its total cost is
/// the planner's own estimate with those indexes. Sizes come from hypopg_relation_size. HypoPG cannot simulate GIN
/// and GiST: their effect is the heuristic model's ratio applied to the what-if cost, and they are marked Heuristic.
/// </summary>
internal sealed class PostgreSqlHypoCostModel : IIndexCostModel
{
    private static readonly IndexMethod[] Simulated = { IndexMethod.BTree, IndexMethod.Brin, IndexMethod.Hash };
    private readonly LiveSession _session;
    private readonly PostgreSqlPreparedStatements _statements;
    private readonly PostgreSqlIndexAdvice _ddl;
    private readonly Workload _workload;
    private readonly HeuristicCostModel _heuristic;
    private readonly Dictionary<string, double> _costs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _sizes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _refused = new(StringComparer.Ordinal);
    // Null until the first reset: a pooled connection can carry another run's hypothetical indexes (DISCARD ALL, which
    // the pool runs, does not remove them), so the session's set is unknown until this model resets it.
    private string? _current;

    public PostgreSqlHypoCostModel(LiveSession session, PostgreSqlPreparedStatements statements, PostgreSqlIndexAdvice ddl, Workload workload, string version)
    {
        _session = session;
        _statements = statements;
        _ddl = ddl;
        _workload = workload;
        _heuristic = new HeuristicCostModel(workload);
        Description = $"HypoPG {version} what-if plans";
    }

    public CostConfidence Confidence => CostConfidence.WhatIf;

    public string Description { get; }

    public int Explains { get; private set; }

    public CostConfidence ConfidenceFor(IndexDefinition index) => Simulated.Contains(index.Method) ? CostConfidence.WhatIf : CostConfidence.Heuristic;

    public double Cost(WorkloadQuery query, IReadOnlyList<IndexDefinition> extra)
    {
        var prepared = _statements.Find(query.Id);
        if (prepared is null)
        {
            return _heuristic.Cost(query, extra);
        }

        var relevant = extra.Where(e => query.Touches(e.Table)).ToList();
        var simulated = relevant.Where(e => Simulated.Contains(e.Method)).ToList();
        var key = query.Id + "\u0001" + string.Join("\u0001", simulated.Select(s => s.Signature).Order(StringComparer.Ordinal));
        if (!_costs.TryGetValue(key, out var cost))
        {
            Ensure(simulated);
            cost = _statements.TotalCost(prepared);
            Explains++;
            _costs[key] = cost;
        }

        if (simulated.Count == relevant.Count)
        {
            return cost;
        }

        // GIN/GiST: scale the what-if cost by the heuristic model's estimate of what the unsimulated indexes add.
        var without = _heuristic.Cost(query, simulated);
        return without <= 0 ? cost : cost * Math.Min(1, _heuristic.Cost(query, relevant) / without);
    }

    public double SizeBytes(IndexDefinition index)
    {
        if (!Simulated.Contains(index.Method) || Rejects(index) is not null)
        {
            return _heuristic.SizeBytes(index);
        }

        if (!_sizes.TryGetValue(index.Signature, out var size))
        {
            Ensure(new[] { index });
            size = Convert.ToDouble(_session.Scalar("SELECT hypopg_relation_size(indexrelid) FROM hypopg_list_indexes LIMIT 1", "Estimating a hypothetical index's size"), CultureInfo.InvariantCulture);
            _sizes[index.Signature] = size;
        }

        return size;
    }

    public string? Rejects(IndexDefinition index)
    {
        if (!Simulated.Contains(index.Method))
        {
            return null;
        }

        if (!_refused.TryGetValue(index.Signature, out var reason))
        {
            try
            {
                Ensure(new[] { index });
                reason = null;
            }
            catch (DbArchitectException ex)
            {
                reason = "rejected: the server refuses this index: " + ex.Errors[^1].Message;
                _current = null;
            }

            _refused[index.Signature] = reason;
        }

        return reason;
    }

    /// <summary>Makes exactly these hypothetical indexes exist, and no others.</summary>
    private void Ensure(IReadOnlyList<IndexDefinition> indexes)
    {
        var key = string.Join("\u0001", indexes.Select(i => i.Signature).Order(StringComparer.Ordinal));
        if (key == _current)
        {
            return;
        }

        _current = null;
        _session.Scalar("SELECT hypopg_reset()", "Clearing hypothetical indexes");
        foreach (var index in indexes)
        {
            var schema = _workload.FindTable(index.Table)?.Schema ?? string.Empty;
            _session.Scalar("SELECT indexrelid FROM hypopg_create_index(@ddl)", $"Creating hypothetical index {index.Signature}",
                new Dictionary<string, object?> { ["ddl"] = _ddl.Plain(index with { Name = null }, schema) });
        }

        _statements.DiscardPlans();
        _current = key;
    }
}
