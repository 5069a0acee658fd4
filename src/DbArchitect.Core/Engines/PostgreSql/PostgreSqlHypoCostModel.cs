using System.Globalization;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Indexing;
using DbArchitect.Core.Live;
using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// What-if costing with HypoPG: the set of indexes to try is created as hypothetical indexes (private to this session,
/// nothing is written), cached plans are discarded, and the statement's generic plan is explained; its total cost is
/// the planner's own estimate with those indexes. Sizes come from hypopg_relation_size. HypoPG cannot simulate GIN
/// and GiST: their effect is the heuristic model's ratio applied to the what-if cost, and they are marked Heuristic.
/// Round trips, not planning, are what a what-if search spends its time on: every request of a search step (a set of
/// statements, each under its own index set) goes to the server as one batch — per index set: reset, create, discard
/// plans, explain each statement — and every answer is cached by statement and index set.
/// </summary>
internal sealed class PostgreSqlHypoCostModel : IIndexCostModel
{
    private static readonly IndexStructure[] Simulated = { IndexStructure.Ordered, IndexStructure.BlockRange, IndexStructure.Hash };

    /// <summary>Statements per round trip: large enough that a search step is one trip, small enough to bound one message.</summary>
    private const int MaxBatch = 2000;

    private readonly LiveSession _session;
    private readonly PostgreSqlPreparedStatements _statements;
    private readonly PostgreSqlIndexAdvice _ddl;
    private readonly Workload _workload;
    private readonly HeuristicCostModel _heuristic;
    private readonly Dictionary<string, double> _costs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _sizes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _refused = new(StringComparer.Ordinal);

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

    /// <summary>Statements explained so far (each answer is cached, so this counts distinct statement and index-set pairs).</summary>
    public int Explains { get; private set; }

    /// <summary>Batches sent to the server so far.</summary>
    public int RoundTrips { get; private set; }

    public CostConfidence ConfidenceFor(IndexDefinition index) => Simulated.Contains(index.Method) ? CostConfidence.WhatIf : CostConfidence.Heuristic;

    public double Cost(WorkloadQuery query, IReadOnlyList<IndexDefinition> extra) => Costs(new[] { (query, extra) })[0];

    public IReadOnlyList<double> Costs(IReadOnlyList<(WorkloadQuery Query, IReadOnlyList<IndexDefinition> Extra)> requests)
    {
        var keys = requests.Select(r => Key(r.Query, Relevant(r.Query, r.Extra).Where(e => Simulated.Contains(e.Method)).ToList())).ToList();
        var missing = new Dictionary<string, (List<IndexDefinition> Set, List<PreparedStatement> Statements, HashSet<string> Keys)>(StringComparer.Ordinal);
        for (var i = 0; i < requests.Count; i++)
        {
            if (_costs.ContainsKey(keys[i]) || _statements.Find(requests[i].Query.Id) is not { } prepared)
            {
                continue;
            }

            var set = Relevant(requests[i].Query, requests[i].Extra).Where(e => Simulated.Contains(e.Method)).OrderBy(e => Key(e), StringComparer.Ordinal).ToList();
            var setKey = SetKey(set);
            if (!missing.TryGetValue(setKey, out var group))
            {
                group = (set, new List<PreparedStatement>(), new HashSet<string>(StringComparer.Ordinal));
                missing[setKey] = group;
            }

            if (group.Keys.Add(keys[i]))
            {
                group.Statements.Add(prepared);
            }
        }

        Explain(missing.Values.Select(g => (g.Set, g.Statements)).ToList());
        return requests.Select((r, i) => Finish(r.Query, r.Extra, keys[i])).ToList();
    }

    public double SizeBytes(IndexDefinition index)
    {
        if (!Simulated.Contains(index.Method) || Rejects(index) is not null)
        {
            return _heuristic.SizeBytes(index);
        }

        if (!_sizes.ContainsKey(Key(index)))
        {
            Prepare(new[] { index });
        }

        return _sizes[Key(index)];
    }

    public string? Rejects(IndexDefinition index)
    {
        if (!Simulated.Contains(index.Method))
        {
            return null;
        }

        if (!_refused.ContainsKey(Key(index)))
        {
            Prepare(new[] { index });
        }

        return _refused[Key(index)];
    }

    /// <summary>Creates every candidate once, in one round trip, for its size and to learn which ones the server refuses.</summary>
    public void Prepare(IReadOnlyList<IndexDefinition> candidates)
    {
        var fresh = candidates.Where(c => Simulated.Contains(c.Method) && !_refused.ContainsKey(Key(c))).DistinctBy(c => Key(c)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        try
        {
            var values = Send(fresh.SelectMany(c => new[] { Reset, Create(c) }).ToList(), "Sizing the hypothetical indexes");
            for (var i = 0; i < fresh.Count; i++)
            {
                _refused[Key(fresh[i])] = null;
                _sizes[Key(fresh[i])] = Convert.ToDouble(values[2 * i + 1], CultureInfo.InvariantCulture);
            }
        }
        catch (DbArchitectException) when (fresh.Count > 1)
        {
            // The server refused one of them, and the batch stopped there: one by one, to say which.
            foreach (var candidate in fresh)
            {
                Prepare(new[] { candidate });
            }
        }
        catch (DbArchitectException ex)
        {
            _refused[Key(fresh[0])] = "rejected: the server refuses this index: " + ex.Errors[^1].Message;
        }
    }

    private static string Reset => "SELECT hypopg_reset()";

    private static string Key(WorkloadQuery query, IReadOnlyList<IndexDefinition> simulated) => query.Id + "\u0001" + SetKey(simulated);

    /// <summary>An index's identity in the caches: its signature in PostgreSQL's words.</summary>
    private static string Key(IndexDefinition index) => index.Signature(PostgreSqlIndexSpelling.Instance);

    private static string SetKey(IEnumerable<IndexDefinition> set) => string.Join("\u0001", set.Select(s => Key(s)).Order(StringComparer.Ordinal));

    private static List<IndexDefinition> Relevant(WorkloadQuery query, IReadOnlyList<IndexDefinition> extra) => extra.Where(e => query.Touches(e.Table)).ToList();

    private string Create(IndexDefinition index) =>
        "SELECT hypopg_relation_size(indexrelid) FROM hypopg_create_index(" + W.String(_ddl.Plain(index with { Name = null }, _workload.FindTable(index.Table)?.Schema ?? string.Empty)) + ")";

    /// <summary>Explains each group's statements under its index set, every group in as few round trips as fit.</summary>
    private void Explain(IReadOnlyList<(List<IndexDefinition> Set, List<PreparedStatement> Statements)> groups)
    {
        var batch = new List<string>();
        var pending = new List<(List<IndexDefinition> Set, List<PreparedStatement> Statements)>();
        foreach (var group in groups)
        {
            batch.Add(Reset);
            batch.AddRange(group.Set.Select(Create));
            batch.Add("DISCARD PLANS");
            batch.AddRange(group.Statements.Select(PostgreSqlPreparedStatements.ExplainCost));
            pending.Add(group);
            if (batch.Count >= MaxBatch)
            {
                Read(Send(batch, "Costing statements with hypothetical indexes"), pending);
                batch.Clear();
                pending.Clear();
            }
        }

        if (pending.Count > 0)
        {
            Read(Send(batch, "Costing statements with hypothetical indexes"), pending);
        }
    }

    /// <summary>Reads a batch's answers in the order they were asked: reset, one size per index, one plan per statement.</summary>
    private void Read(IReadOnlyList<object?> values, List<(List<IndexDefinition> Set, List<PreparedStatement> Statements)> groups)
    {
        var at = 0;
        foreach (var (set, statements) in groups)
        {
            at++;
            foreach (var index in set)
            {
                _sizes.TryAdd(Key(index), Convert.ToDouble(values[at++], CultureInfo.InvariantCulture));
            }

            foreach (var statement in statements)
            {
                _costs[statement.Statement.Id + "\u0001" + SetKey(set)] = PostgreSqlPreparedStatements.TotalCostOf(values[at++]);
                Explains++;
            }
        }
    }

    private IReadOnlyList<object?> Send(IReadOnlyList<string> batch, string purpose)
    {
        RoundTrips++;
        // Plans cached before this batch were made with other hypothetical indexes; the batch discards them per set.
        return _session.Batch(batch, purpose);
    }

    private double Finish(WorkloadQuery query, IReadOnlyList<IndexDefinition> extra, string key)
    {
        if (!_costs.TryGetValue(key, out var cost))
        {
            return _heuristic.Cost(query, extra);
        }

        var relevant = Relevant(query, extra);
        var simulated = relevant.Where(e => Simulated.Contains(e.Method)).ToList();
        if (simulated.Count == relevant.Count)
        {
            return cost;
        }

        // GIN/GiST: scale the what-if cost by the heuristic model's estimate of what the unsimulated indexes add.
        var without = _heuristic.Cost(query, simulated);
        return without <= 0 ? cost : cost * Math.Min(1, _heuristic.Cost(query, relevant) / without);
    }
}
