namespace DbArchitect.Core.Indexing;

/// <summary>
/// Greedy selection at workload level: each round costs every remaining candidate together with the indexes already
/// chosen (so an index that only repeats what a chosen one does gains nothing), and takes the one with the largest
/// Σ weight × (cost now − cost with it) − write overhead. A candidate under which any statement would cost more than
/// with no new index is never taken. Stops at the budgets or when no candidate gains at least
/// <see cref="MinGainShare"/> of the workload cost as it stands with the indexes chosen so far.
/// </summary>
public static class IndexSelector
{
    /// <summary>A candidate must save at least this share of the current weighted workload cost to be worth its upkeep.</summary>
    public const double MinGainShare = 0.005;

    private const double Tolerance = 1e-6;

    /// <summary>
    /// Backward elimination: an index chosen early can be made unnecessary by later ones ((a) once (a) INCLUDE (b) is
    /// in). Each chosen index, last first, is removed when the set without it costs the workload no more than the
    /// index's own write overhead. The survivors' figures are then recomputed in selection order, so every marginal
    /// benefit and before/after cost describes the final set.
    /// </summary>
    private static (List<ChosenIndex> Chosen, double[] Costs) Prune(
        IReadOnlyList<WorkloadQuery> queries, double[] baseline, List<ChosenIndex> chosen, IIndexCostModel model,
        Dictionary<IndexCandidate, double> overheads, Dictionary<IndexCandidate, double> sizes, Dictionary<IndexCandidate, string> reasons)
    {
        var kept = chosen.Select(c => c.Candidate).ToList();
        double Total(IReadOnlyList<IndexCandidate> set) => queries.Select((q, k) => q.Weight * model.Cost(q, set.Select(c => c.Definition).ToList())).Sum();
        if (kept.Count > 1)
        {
            var full = Total(kept);
            foreach (var candidate in chosen.Select(c => c.Candidate).Reverse().ToList())
            {
                var without = kept.Where(c => c != candidate).ToList();
                var cost = Total(without);
                var saves = cost - full;
                if (saves <= overheads[candidate] + Tolerance)
                {
                    kept = without;
                    full = cost;
                    reasons[candidate] = FormattableString.Invariant($"dropped after selection: the indexes chosen after it serve its statements (with them it saves {saves:0.##}, write overhead {overheads[candidate]:0.##})");
                }
            }
        }

        var result = new List<ChosenIndex>();
        var current = (double[])baseline.Clone();
        var set = new List<IndexDefinition>();
        foreach (var candidate in kept)
        {
            set.Add(candidate.Definition);
            var costs = queries.Select((q, k) => q.Touches(candidate.Table) ? model.Cost(q, set) : current[k]).ToArray();
            var affected = queries.Select((q, k) => (q, k)).Where(x => Math.Abs(costs[x.k] - current[x.k]) > Tolerance)
                .Select(x => new QueryCost(x.q.Id, x.q.Text, x.q.Weight, current[x.k], costs[x.k])).ToList();
            var saving = queries.Select((q, k) => q.Weight * (current[k] - costs[k])).Sum();
            result.Add(new ChosenIndex(candidate, result.Count + 1, saving, overheads[candidate], sizes[candidate], affected));
            current = costs;
        }

        return (result, current);
    }

    public static SelectionResult Select(
        Workload workload,
        IReadOnlyList<IndexCandidate> candidates,
        IIndexCostModel model,
        SelectionBudget budget,
        Action<string, int, int>? progress = null)
    {
        var queries = workload.Queries;
        var baseline = new double[queries.Count];
        for (var q = 0; q < queries.Count; q++)
        {
            progress?.Invoke("Costing the workload as it is", q, queries.Count);
            baseline[q] = model.Cost(queries[q], Array.Empty<IndexDefinition>());
        }

        var total = queries.Select((q, i) => q.Weight * baseline[i]).Sum();
        var current = (double[])baseline.Clone();
        var chosen = new List<ChosenIndex>();
        var chosenDefs = new List<IndexDefinition>();
        var reasons = new Dictionary<IndexCandidate, string>();
        var sizes = candidates.ToDictionary(c => c, c => model.SizeBytes(c.Definition));
        var overheads = candidates.ToDictionary(c => c, c => WriteOverhead.Of(c.Definition, workload.Writes));
        var remaining = candidates.ToList();
        var usedBytes = 0.0;
        var round = 0;
        while (remaining.Count > 0)
        {
            if (budget.MaxIndexes is { } max && chosen.Count >= max)
            {
                foreach (var c in remaining)
                {
                    reasons[c] = $"budget: -MaxIndexes {max} reached";
                }

                break;
            }

            var floor = Math.Max(Tolerance, queries.Select((q, k) => q.Weight * current[k]).Sum() * MinGainShare);
            (IndexCandidate Candidate, double Gain, double[] Costs)? best = null;
            var survivors = new List<IndexCandidate>();
            for (var i = 0; i < remaining.Count; i++)
            {
                var candidate = remaining[i];
                progress?.Invoke($"Round {round + 1}: costing {candidate.Definition.Signature}", i, remaining.Count);
                if (budget.MaxSizeMB is { } maxMb && (usedBytes + sizes[candidate]) / 1048576.0 > maxMb)
                {
                    reasons[candidate] = $"budget: {sizes[candidate] / 1048576.0:0.0} MB would exceed -MaxSizeMB {maxMb:0.#} ({usedBytes / 1048576.0:0.0} MB already chosen)";
                    continue;
                }

                if (round == 0 && model.Rejects(candidate.Definition) is { } refused)
                {
                    reasons[candidate] = refused;
                    continue;
                }

                var with = chosenDefs.Append(candidate.Definition).ToList();
                var costs = (double[])current.Clone();
                string? worse = null;
                for (var q = 0; q < queries.Count; q++)
                {
                    if (!queries[q].Touches(candidate.Table))
                    {
                        continue;
                    }

                    costs[q] = model.Cost(queries[q], with);
                    if (costs[q] > baseline[q] * (1 + Tolerance) + Tolerance)
                    {
                        worse = $"rejected: {queries[q].Id} would cost {costs[q]:0.##} instead of {baseline[q]:0.##}";
                        break;
                    }
                }

                if (worse is not null)
                {
                    reasons[candidate] = worse;
                    continue;
                }

                var saving = queries.Select((q, k) => q.Weight * (current[k] - costs[k])).Sum();
                var gain = saving - overheads[candidate];
                if (gain <= floor)
                {
                    // Below the floor now, but the floor shrinks as the workload gets cheaper: keep it for later rounds.
                    if (saving > Tolerance && gain > Tolerance)
                    {
                        survivors.Add(candidate);
                    }

                    reasons[candidate] = saving <= floor
                        ? chosen.Count == 0 && candidate.QueryIds.Count > 0
                            ? $"no benefit: saves {saving:0.##} of {total:0.##} weighted cost"
                            : chosen.Count > 0 ? $"no benefit beyond the indexes chosen before it ({saving:0.##} of {total:0.##} weighted cost)" : "no benefit for the workload"
                        : $"write overhead {overheads[candidate]:0.##} exceeds the saving {saving:0.##}";
                    continue;
                }

                survivors.Add(candidate);
                if (best is null || gain > best.Value.Gain + Tolerance
                    || (Math.Abs(gain - best.Value.Gain) <= Tolerance && sizes[candidate] < sizes[best.Value.Candidate]))
                {
                    best = (candidate, gain, costs);
                }
            }

            // A candidate that saves nothing now saves nothing once more indexes exist (savings only shrink), so it leaves.
            remaining = survivors;
            if (best is null)
            {
                break;
            }

            var (pick, bestGain, bestCosts) = best.Value;
            var affected = queries.Select((q, k) => (q, k)).Where(x => Math.Abs(bestCosts[x.k] - current[x.k]) > Tolerance)
                .Select(x => new QueryCost(x.q.Id, x.q.Text, x.q.Weight, current[x.k], bestCosts[x.k])).ToList();
            chosen.Add(new ChosenIndex(pick, chosen.Count + 1, bestGain + overheads[pick], overheads[pick], sizes[pick], affected));
            chosenDefs.Add(pick.Definition);
            usedBytes += sizes[pick];
            current = bestCosts;
            remaining.Remove(pick);
            reasons.Remove(pick);
            round++;
        }

        (chosen, current) = Prune(queries, baseline, chosen, model, overheads, sizes, reasons);
        var rejected = candidates.Where(c => !chosen.Any(x => x.Candidate == c))
            .Select(c => new RejectedIndex(c, reasons.TryGetValue(c, out var r) ? r : "no benefit beyond the indexes chosen", sizes[c])).ToList();
        var perQuery = queries.Select((q, k) => new QueryCost(q.Id, q.Text, q.Weight, baseline[k], current[k])).ToList();
        return new SelectionResult(chosen, rejected, perQuery, total, queries.Select((q, k) => q.Weight * current[k]).Sum());
    }
}
