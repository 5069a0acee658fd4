using System.Globalization;

namespace DbArchitect.Core.Indexing;

/// <summary>
/// Greedy selection at workload level: each round takes the candidate with the largest Σ weight × (cost now − cost
/// with it and the indexes already chosen) − write overhead, so an index that only repeats what a chosen one does gains
/// nothing. A candidate under which any statement would cost more than with no new index is never taken. An index is
/// worth its upkeep when it saves at least <see cref="MinGainShare"/> of the workload's cost as it stands, and at least
/// <see cref="MinStatementShare"/> of what the statements it speeds up cost with no new index: the second rule stops
/// the search from polishing statements that earlier picks already made fast (a third index for a statement that is
/// down from 6,000 to 200 saves 3 %), which is where a long tail of small indexes came from. Stops at the budgets or
/// when no candidate is worth its upkeep.
/// <para>
/// The search is lazy: savings only shrink as the chosen set grows, so a candidate's last saving bounds its saving
/// now, and only the candidate with the best bound is re-costed; it is taken when its fresh saving still tops every
/// other bound. That is the same pick as re-costing every candidate every round, at a fraction of the plans. Every
/// step asks the cost model for all the costs it needs at once, so a what-if model answers a step in one round trip.
/// </para>
/// </summary>
public static class IndexSelector
{
    /// <summary>A candidate must save at least this share of the current weighted workload cost to be worth its upkeep.</summary>
    public const double MinGainShare = 0.005;

    /// <summary>A candidate must take at least this share off what the statements it speeds up cost with no new index.</summary>
    public const double MinStatementShare = 0.1;

    private const double Tolerance = 1e-6;

    private sealed class Bound(IndexCandidate candidate, double gain, double saving, double[] costs, int round)
    {
        public IndexCandidate Candidate { get; } = candidate;

        public double Gain { get; set; } = gain;

        public double Saving { get; set; } = saving;

        public double[] Costs { get; set; } = costs;

        /// <summary>The number of indexes chosen when <see cref="Gain"/> was computed.</summary>
        public int Round { get; set; } = round;
    }

    public static SelectionResult Select(
        Workload workload,
        IReadOnlyList<IndexCandidate> candidates,
        IIndexCostModel model,
        SelectionBudget budget,
        IIndexSpelling spelling,
        Action<string, int, int>? progress = null)
    {
        var queries = workload.Queries;
        progress?.Invoke("Costing the workload as it is", 0, 1);
        var siblings = candidates.Where(c => c.Definition.Include.Count > 0).ToDictionary(c => c, c => c.Definition with { Include = Array.Empty<string>() });
        model.Prepare(candidates.Select(c => c.Definition).Concat(siblings.Values).ToList());
        var baseline = model.Costs(queries.Select(q => (q, (IReadOnlyList<IndexDefinition>)Array.Empty<IndexDefinition>())).ToList()).ToArray();
        var total = queries.Select((q, i) => q.Weight * baseline[i]).Sum();
        var reasons = new Dictionary<IndexCandidate, string>();
        var sizes = candidates.ToDictionary(c => c, c => model.SizeBytes(c.Definition));
        var overheads = candidates.ToDictionary(c => c, c => WriteOverhead.Of(c.Definition, workload.Writes));
        var touched = candidates.Select(c => c.Definition.Table).Distinct(StringComparer.Ordinal)
            .ToDictionary(t => t, t => Enumerable.Range(0, queries.Count).Where(k => queries[k].Touches(t)).ToArray(), StringComparer.Ordinal);

        var bounds = First(workload, candidates, model, baseline, total, siblings, sizes, overheads, touched, reasons, progress);
        var chosen = new List<ChosenIndex>();
        var chosenDefs = new List<IndexDefinition>();
        var current = (double[])baseline.Clone();
        var usedBytes = 0.0;
        var waiting = new HashSet<Bound>();
        while (true)
        {
            if (budget.MaxIndexes is { } max && chosen.Count >= max)
            {
                foreach (var b in bounds)
                {
                    reasons[b.Candidate] = $"budget: -MaxIndexes {max} reached";
                }

                break;
            }

            // Below the floor now, a candidate waits: the floor shrinks as the workload gets cheaper.
            var eligible = bounds.Where(b => !waiting.Contains(b)).ToList();
            if (eligible.Count == 0)
            {
                break;
            }

            var best = eligible.Max(b => b.Gain);
            var top = eligible.Where(b => b.Gain >= best - Tolerance).OrderBy(b => sizes[b.Candidate]).ThenBy(b => b.Candidate.Definition.Signature(spelling), StringComparer.Ordinal).First();
            var candidate = top.Candidate;
            if (budget.MaxSizeMB is { } maxMb && (usedBytes + sizes[candidate]) / 1048576.0 > maxMb)
            {
                reasons[candidate] = Invariant($"budget: {sizes[candidate] / 1048576.0:0.0} MB would exceed -MaxSizeMB {maxMb:0.#} ({usedBytes / 1048576.0:0.0} MB already chosen)");
                bounds.Remove(top);
                continue;
            }

            var floor = Math.Max(Tolerance, queries.Select((q, k) => q.Weight * current[k]).Sum() * MinGainShare);
            if (top.Round != chosen.Count)
            {
                progress?.Invoke($"Round {chosen.Count + 1}: costing {candidate.Definition.Signature(spelling)}", chosen.Count, chosen.Count + bounds.Count);
                var set = chosenDefs.Append(candidate.Definition).ToList();
                var indexes = touched[candidate.Definition.Table];
                var answers = model.Costs(indexes.Select(k => (queries[k], (IReadOnlyList<IndexDefinition>)set)).ToList());
                var costs = (double[])current.Clone();
                for (var i = 0; i < indexes.Length; i++)
                {
                    costs[indexes[i]] = answers[i];
                }

                var verdict = Judge(queries, indexes, baseline, current, costs, overheads[candidate], total, chosen.Count > 0, candidate.QueryIds.Count > 0);
                if (verdict.Reason is { } reason)
                {
                    reasons[candidate] = reason;
                    bounds.Remove(top);
                    continue;
                }

                (top.Gain, top.Saving, top.Costs, top.Round) = (verdict.Gain, verdict.Saving, costs, chosen.Count);
                continue;
            }

            if (top.Gain <= floor)
            {
                waiting.Add(top);
                reasons[candidate] = top.Saving > floor
                    ? Invariant($"write overhead {overheads[candidate]:0.##} exceeds the saving {top.Saving:0.##}")
                    : Invariant($"no benefit beyond the indexes chosen before it ({top.Saving:0.##} of {total:0.##} weighted cost; an index must save {MinGainShare:0.#%} of the workload as it stands, {floor:0.##})");
                continue;
            }

            // Fresh and still the best bound: this is the greedy pick.
            var affected = queries.Select((q, k) => (q, k)).Where(x => Math.Abs(top.Costs[x.k] - current[x.k]) > Tolerance)
                .Select(x => new QueryCost(x.q.Id, x.q.Text, x.q.Weight, current[x.k], top.Costs[x.k])).ToList();
            chosen.Add(new ChosenIndex(candidate, chosen.Count + 1, top.Saving, overheads[candidate], sizes[candidate], affected));
            chosenDefs.Add(candidate.Definition);
            usedBytes += sizes[candidate];
            current = top.Costs;
            bounds.Remove(top);
            waiting.Clear();
            reasons.Remove(candidate);
        }

        (chosen, current) = Prune(queries, baseline, chosen, model, overheads, sizes, touched, reasons);
        var rejected = candidates.Where(c => !chosen.Any(x => x.Candidate == c))
            .Select(c => new RejectedIndex(c, reasons.TryGetValue(c, out var r) ? r : "no benefit beyond the indexes chosen", sizes[c])).ToList();
        var perQuery = queries.Select((q, k) => new QueryCost(q.Id, q.Text, q.Weight, baseline[k], current[k])).ToList();
        return new SelectionResult(chosen, rejected, perQuery, total, queries.Select((q, k) => q.Weight * current[k]).Sum());
    }

    /// <summary>
    /// The first round: every candidate alone (and every covering candidate's keys without their INCLUDE), costed in one
    /// request. Candidates that make a statement dearer, save nothing worth an index, or carry an INCLUDE out of
    /// proportion leave; the rest wait with their saving as the bound.
    /// </summary>
    private static List<Bound> First(
        Workload workload, IReadOnlyList<IndexCandidate> candidates, IIndexCostModel model, double[] baseline, double total,
        Dictionary<IndexCandidate, IndexDefinition> siblings, Dictionary<IndexCandidate, double> sizes, Dictionary<IndexCandidate, double> overheads,
        Dictionary<string, int[]> touched, Dictionary<IndexCandidate, string> reasons, Action<string, int, int>? progress)
    {
        var queries = workload.Queries;
        var alive = new List<IndexCandidate>();
        foreach (var candidate in candidates)
        {
            if (model.Rejects(candidate.Definition) is { } refused)
            {
                reasons[candidate] = refused;
            }
            else
            {
                alive.Add(candidate);
            }
        }

        progress?.Invoke($"Round 1: costing {alive.Count} candidates", 0, alive.Count);
        var requests = new List<(WorkloadQuery, IReadOnlyList<IndexDefinition>)>();
        foreach (var candidate in alive)
        {
            requests.AddRange(touched[candidate.Definition.Table].Select(k => (queries[k], (IReadOnlyList<IndexDefinition>)new[] { candidate.Definition })));
            if (siblings.TryGetValue(candidate, out var plain))
            {
                requests.AddRange(touched[candidate.Definition.Table].Select(k => (queries[k], (IReadOnlyList<IndexDefinition>)new[] { plain })));
            }
        }

        var answers = model.Costs(requests);
        var at = 0;
        var bounds = new List<Bound>();
        foreach (var candidate in alive)
        {
            var indexes = touched[candidate.Definition.Table];
            var costs = (double[])baseline.Clone();
            for (var i = 0; i < indexes.Length; i++)
            {
                costs[indexes[i]] = answers[at++];
            }

            double[]? plainCosts = null;
            if (siblings.ContainsKey(candidate))
            {
                plainCosts = (double[])baseline.Clone();
                for (var i = 0; i < indexes.Length; i++)
                {
                    plainCosts[indexes[i]] = answers[at++];
                }
            }

            var verdict = Judge(queries, indexes, baseline, baseline, costs, overheads[candidate], total, later: false, candidate.QueryIds.Count > 0);
            var reason = verdict.Reason ?? (plainCosts is null ? null : Disproportionate(workload, indexes, candidate, siblings[candidate], model, costs, plainCosts, sizes[candidate]));
            if (reason is not null)
            {
                reasons[candidate] = reason;
                continue;
            }

            bounds.Add(new Bound(candidate, verdict.Gain, verdict.Saving, costs, 0));
        }

        return bounds;
    }

    /// <summary>
    /// Covering indexes stay proportionate: the INCLUDE columns are a second decision on top of the same keys without
    /// them. They must remove a larger share of what the statements cost with the keys alone than the share of the
    /// table's bytes they copy into the index. A wide text column copied for a SELECT * … LIMIT 100 saves a hundred row
    /// fetches and copies most of the table: it loses; a narrow column that turns a long range read into an index-only
    /// scan wins.
    /// </summary>
    private static string? Disproportionate(
        Workload workload, int[] indexes, IndexCandidate candidate, IndexDefinition plain, IIndexCostModel model,
        double[] costs, double[] plainCosts, double size)
    {
        var queries = workload.Queries;
        var left = indexes.Sum(k => queries[k].Weight * plainCosts[k]);
        var saved = indexes.Sum(k => queries[k].Weight * (plainCosts[k] - costs[k]));
        var copied = Math.Max(0, size - model.SizeBytes(plain));
        var tableBytes = workload.FindTable(candidate.Table)?.DataBytes ?? 1.0;
        var savedShare = left <= Tolerance ? 0 : saved / left;
        var copiedShare = copied / tableBytes;
        if (saved > Tolerance && savedShare >= copiedShare)
        {
            return null;
        }

        return Invariant($"covering out of proportion: INCLUDE ({string.Join(", ", candidate.Definition.Include)}) copies {copied / 1048576.0:0.0} MB ({100 * copiedShare:0.#} % of the table) to save {saved:0.##} beyond the same keys without it ({100 * savedShare:0.#} % of the {left:0.##} they leave)");
    }

    private readonly record struct Verdict(double Gain, double Saving, string? Reason);

    /// <summary>
    /// A candidate's saving and gain under <paramref name="costs"/>, or why it can never be worth an index from now on:
    /// it makes a statement dearer, saves nothing, its write overhead eats the saving, or it takes less than
    /// <see cref="MinStatementShare"/> off what the statements it speeds up cost with no new index. (The floor on the
    /// workload's share is the caller's: it shrinks as the workload gets cheaper.)
    /// </summary>
    private static Verdict Judge(IReadOnlyList<WorkloadQuery> queries, int[] indexes, double[] baseline, double[] current, double[] costs,
        double overhead, double total, bool later, bool asked)
    {
        foreach (var k in indexes)
        {
            if (costs[k] > baseline[k] * (1 + Tolerance) + Tolerance)
            {
                return new Verdict(0, 0, Invariant($"rejected: {queries[k].Id} would cost {costs[k]:0.##} instead of {baseline[k]:0.##}"));
            }
        }

        var saving = indexes.Sum(k => queries[k].Weight * (current[k] - costs[k]));
        var gain = saving - overhead;
        if (saving <= Tolerance)
        {
            return new Verdict(gain, saving, later ? Invariant($"no benefit beyond the indexes chosen before it ({saving:0.##} of {total:0.##} weighted cost)")
                : asked ? Invariant($"no benefit: saves {saving:0.##} of {total:0.##} weighted cost") : "no benefit for the workload");
        }

        if (gain <= Tolerance)
        {
            return new Verdict(gain, saving, Invariant($"write overhead {overhead:0.##} exceeds the saving {saving:0.##}"));
        }

        var served = indexes.Where(k => current[k] - costs[k] > Tolerance).Sum(k => queries[k].Weight * baseline[k]);
        if (saving < MinStatementShare * served)
        {
            return new Verdict(gain, saving, Invariant($"no benefit beyond the indexes chosen before it worth an index: saves {saving:0.##}, {100 * saving / served:0.#} % of the {served:0.##} its statements cost with no new index (an index must take {MinStatementShare:0%} off)"));
        }

        return new Verdict(gain, saving, null);
    }

    /// <summary>
    /// Backward elimination: an index chosen early can be made unnecessary by later ones ((a) once (a) INCLUDE (b) is
    /// in). Each chosen index, last first, is removed when the set without it costs the workload no more than the
    /// index's own write overhead. The survivors' figures are then recomputed in selection order, so every marginal
    /// benefit and before/after cost describes the final set.
    /// </summary>
    private static (List<ChosenIndex> Chosen, double[] Costs) Prune(
        IReadOnlyList<WorkloadQuery> queries, double[] baseline, List<ChosenIndex> chosen, IIndexCostModel model,
        Dictionary<IndexCandidate, double> overheads, Dictionary<IndexCandidate, double> sizes, Dictionary<string, int[]> touched, Dictionary<IndexCandidate, string> reasons)
    {
        var kept = chosen.Select(c => c.Candidate).ToList();
        if (kept.Count > 1)
        {
            var full = CostsWith(queries, baseline, kept, model, touched);
            foreach (var candidate in chosen.Select(c => c.Candidate).Reverse().ToList())
            {
                var without = kept.Where(c => c != candidate).ToList();
                var indexes = touched[candidate.Definition.Table];
                var answers = model.Costs(indexes.Select(k => (queries[k], (IReadOnlyList<IndexDefinition>)without.Select(c => c.Definition).ToList())).ToList());
                var saves = indexes.Select((k, i) => queries[k].Weight * (answers[i] - full[k])).Sum();
                if (saves <= overheads[candidate] + Tolerance)
                {
                    kept = without;
                    for (var i = 0; i < indexes.Length; i++)
                    {
                        full[indexes[i]] = answers[i];
                    }

                    reasons[candidate] = Invariant($"dropped after selection: the indexes chosen after it serve its statements (with them it saves {saves:0.##}, write overhead {overheads[candidate]:0.##})");
                }
            }
        }

        // Every prefix of the kept order, costed in one request: the figures of each index as the set grew.
        var requests = new List<(WorkloadQuery, IReadOnlyList<IndexDefinition>)>();
        for (var n = 1; n <= kept.Count; n++)
        {
            var prefix = kept.Take(n).Select(c => c.Definition).ToList();
            requests.AddRange(touched[kept[n - 1].Definition.Table].Select(k => (queries[k], (IReadOnlyList<IndexDefinition>)prefix)));
        }

        var answersAll = model.Costs(requests);
        var at = 0;
        var result = new List<ChosenIndex>();
        var current = (double[])baseline.Clone();
        foreach (var candidate in kept)
        {
            var costs = (double[])current.Clone();
            foreach (var k in touched[candidate.Definition.Table])
            {
                costs[k] = answersAll[at++];
            }

            var affected = queries.Select((q, k) => (q, k)).Where(x => Math.Abs(costs[x.k] - current[x.k]) > Tolerance)
                .Select(x => new QueryCost(x.q.Id, x.q.Text, x.q.Weight, current[x.k], costs[x.k])).ToList();
            var saving = queries.Select((q, k) => q.Weight * (current[k] - costs[k])).Sum();
            result.Add(new ChosenIndex(candidate, result.Count + 1, saving, overheads[candidate], sizes[candidate], affected));
            current = costs;
        }

        return (result, current);
    }

    /// <summary>Every statement's cost with the set (statements on tables the set does not touch keep their baseline).</summary>
    private static double[] CostsWith(IReadOnlyList<WorkloadQuery> queries, double[] baseline, IReadOnlyList<IndexCandidate> set, IIndexCostModel model, Dictionary<string, int[]> touched)
    {
        var indexes = set.SelectMany(c => touched[c.Definition.Table]).Distinct().ToArray();
        var definitions = set.Select(c => c.Definition).ToList();
        var answers = model.Costs(indexes.Select(k => (queries[k], (IReadOnlyList<IndexDefinition>)definitions)).ToList());
        var costs = (double[])baseline.Clone();
        for (var i = 0; i < indexes.Length; i++)
        {
            costs[indexes[i]] = answers[i];
        }

        return costs;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
