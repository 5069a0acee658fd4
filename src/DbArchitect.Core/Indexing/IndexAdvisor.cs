using System.Globalization;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Indexing;

/// <summary>
/// The advisor: candidates from the workload, greedy selection under a cost model, the review of existing indexes,
/// and one <see cref="IndexRecommendation"/> per decision with the engine's DDL. Same input, same output bytes.
/// </summary>
public static class IndexAdvisor
{
    public static IndexAdvice Advise(
        Workload workload,
        string engine,
        IIndexAdviceDdl ddl,
        IIndexCostModel model,
        IndexAdvisorOptions options,
        Action<string, int, int>? progress = null)
    {
        var generated = CandidateGenerator.Generate(workload, ddl, options.MaxWidth);
        var existing = generated.Where(c => Existing(workload, c.Definition) is not null).ToList();
        var candidates = generated.Except(existing).ToList();
        var selection = IndexSelector.Select(workload, candidates, model, options.Budget, ddl.Spelling, progress);
        var confidence = model.Confidence.ToString();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in workload.Tables)
        {
            names.UnionWith(table.Indexes.Select(i => i.Definition.Name ?? string.Empty));
        }

        var recommendations = new List<IndexRecommendation>();
        var created = new List<IndexDefinition>();
        foreach (var chosen in selection.Chosen)
        {
            var definition = chosen.Candidate.Definition with { Name = UniqueName(chosen.Candidate.Definition, ddl, names) };
            created.Add(definition);
            var before = chosen.Queries.Sum(q => q.Weight * q.Before);
            var after = chosen.Queries.Sum(q => q.Weight * q.After);
            var reason = FormattableString.Invariant($"serves {Describe(chosen.Queries)}; saves {chosen.MarginalBenefit:0.##} of {selection.WorkloadBefore:0.##} weighted workload cost ({100 * chosen.MarginalBenefit / Math.Max(1e-9, selection.WorkloadBefore):0.#} %) as index {chosen.Order} in selection order; write overhead {chosen.WriteOverhead:0.##}; costed by {model.Description}");
            recommendations.Add(Create(engine, workload, ddl, definition, chosen.Candidate.Rule, reason, before, after, chosen.SizeBytes, chosen.WriteOverhead, model.ConfidenceFor(chosen.Candidate.Definition).ToString(), chosen.Queries, recommendations.Count + 1));
        }

        // -MaxIndexes bounds every index the run creates: the search's own (ranked by measured benefit) come first, the
        // review's foreign-key and merge indexes (whose benefit no statement of the workload measures) fill what is left.
        var slots = options.Budget.MaxIndexes is { } max ? max - recommendations.Count : int.MaxValue;
        var cut = new List<IndexRecommendation>();
        if (options.Review)
        {
            foreach (var finding in IndexReview.Review(workload, ddl.Spelling))
            {
                if (finding.Kind == ReviewKind.UnindexedForeignKey)
                {
                    if (created.Any(c => c.Table == finding.Table && CandidateGenerator.LeadsWith(c, finding.Subject.Keys.Select(k => k.Column).ToList())))
                    {
                        continue;
                    }

                    var definition = finding.Subject with { Name = UniqueName(finding.Subject, ddl, names) };
                    var fk = Create(engine, workload, ddl, definition, "unindexed foreign key", finding.Reason, null, null, model.SizeBytes(definition), WriteOverhead.Of(definition, workload.Writes), "Statistics", Array.Empty<QueryCost>(), recommendations.Count + 1);
                    if (slots-- <= 0)
                    {
                        cut.Add(Budget(fk, options.Budget));
                        continue;
                    }

                    recommendations.Add(fk);
                    continue;
                }

                var change = DropOrReplace(engine, workload, ddl, finding, names, recommendations.Count + 1, options.IncludeDropScript);
                if (change.Action == RecommendationAction.Replace && slots-- <= 0)
                {
                    cut.Add(Budget(change, options.Budget));
                    continue;
                }

                recommendations.Add(change);
            }
        }

        var reviewed = recommendations.Concat(cut).Select(r => r.Sql).ToHashSet(StringComparer.Ordinal);
        var rejected = existing.Select(c => (c, $"already exists as {Existing(workload, c.Definition)!.Definition.Name}", model.SizeBytes(c.Definition)))
            .Concat(selection.Rejected.Select(r => (r.Candidate, r.Reason, r.SizeBytes)))
            .OrderBy(r => r.Item1.Definition.Signature(ddl.Spelling), StringComparer.Ordinal)
            .Select((r, i) => Create(engine, workload, ddl, r.Item1.Definition with { Name = r.Item1.Definition.SuggestedName(ddl.Spelling, ddl.Capabilities.MaxNameLength) }, r.Item1.Rule,
                $"{r.Item2} (asked for by {(r.Item1.QueryIds.Count == 0 ? "no statement" : string.Join(", ", r.Item1.QueryIds))})", null, null, r.Item3, WriteOverhead.Of(r.Item1.Definition, workload.Writes), confidence, Array.Empty<QueryCost>(), i + 1) with { Rejected = true })
            .Where(r => !reviewed.Contains(r.Sql))
            .Concat(cut)
            .ToList();
        return new IndexAdvice(recommendations, rejected, selection, model.Description, model.Confidence);
    }

    private static IndexRecommendation Budget(IndexRecommendation recommendation, SelectionBudget budget) => recommendation with
    {
        Rejected = true,
        Reason = $"budget: -MaxIndexes {budget.MaxIndexes} reached by indexes whose benefit the workload measures; {recommendation.Reason}",
    };

    private static ExistingIndex? Existing(Workload workload, IndexDefinition candidate) =>
        workload.FindTable(candidate.Table)?.Indexes.FirstOrDefault(i => IndexReview.SameIndex(candidate, i.Definition)
            || (IndexReview.IsLeftPrefix(candidate, i.Definition) && candidate.Include.All(c => i.Definition.Columns.Contains(c, StringComparer.Ordinal))));

    private static string Describe(IReadOnlyList<QueryCost> queries) => queries.Count == 0
        ? "no statement directly"
        : string.Join(", ", queries.Select(q => FormattableString.Invariant($"{q.QueryId} ({q.Before:0.##} → {q.After:0.##})")));

    private static string UniqueName(IndexDefinition definition, IIndexAdviceDdl ddl, HashSet<string> names)
    {
        var name = definition.SuggestedName(ddl.Spelling, ddl.Capabilities.MaxNameLength);
        var candidate = name;
        for (var n = 2; !names.Add(candidate); n++)
        {
            var suffix = "_" + n.ToString(CultureInfo.InvariantCulture);
            candidate = name[..Math.Min(name.Length, ddl.Capabilities.MaxNameLength - suffix.Length)] + suffix;
        }

        return candidate;
    }

    private static IndexRecommendation Create(string engine, Workload workload, IIndexAdviceDdl ddl, IndexDefinition definition, string rule, string reason,
        double? before, double? after, double size, double overhead, string confidence, IReadOnlyList<QueryCost> queries, int order)
    {
        var schema = workload.FindTable(definition.Table)?.Schema ?? string.Empty;
        var benefit = before is > 0 && after is { } a ? Math.Round(100 * (before.Value - a) / before.Value, 1) : (double?)null;
        return new IndexRecommendation(engine, RecommendationAction.Create, schema, definition.Table, definition.Name!, Keys(definition, ddl),
            definition.Include, definition.IsPartial ? definition.PredicateText : null, ddl.Spelling.Method(definition.Method), rule, reason,
            Round(before), Round(after), benefit, Math.Round(size / 1048576.0, 2), Math.Round(overhead, 2), confidence, ddl.Create(definition, schema, size), false, order, queries, null)
        { OutsideTransaction = ddl.OutsideTransaction, Definition = definition };
    }

    /// <summary>The recommendation's key list in the engine's words.</summary>
    private static List<string> Keys(IndexDefinition definition, IIndexAdviceDdl ddl) => definition.Keys.Select(k => k.Text(ddl.Spelling)).ToList();

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;

    private static IndexRecommendation DropOrReplace(string engine, Workload workload, IIndexAdviceDdl ddl, ReviewFinding finding, HashSet<string> names, int order, bool dropUnused)
    {
        var schema = workload.FindTable(finding.Table)?.Schema ?? string.Empty;
        var subject = finding.Subject;
        var size = finding.SizeBytes is { } b ? Math.Round(b / 1048576.0, 2) : (double?)null;
        var rule = finding.Kind switch
        {
            ReviewKind.Duplicate => "duplicate index",
            ReviewKind.Redundant => "left-prefix redundant index",
            ReviewKind.Merge => "merge overlapping indexes",
            _ => "unused index",
        };
        if (finding.Kind == ReviewKind.Merge && finding.Replacement is { } merged && finding.KeptInstead is { } wider)
        {
            var named = merged with { Name = UniqueName(merged, ddl, names) };
            var sql = string.Join("\n", ddl.Create(named, schema), ddl.Drop(subject, schema), ddl.Drop(wider, schema));
            return new IndexRecommendation(engine, RecommendationAction.Replace, schema, finding.Table, named.Name!, Keys(named, ddl), named.Include,
                named.IsPartial ? named.PredicateText : null, ddl.Spelling.Method(named.Method), rule, finding.Reason, null, null, null, size, 0, "Statistics", sql, false, order,
                Array.Empty<QueryCost>(), $"{subject.Name}, {wider.Name}") { OutsideTransaction = ddl.OutsideTransaction };
        }

        // "Unused" rests on usage counters alone: it is a review item without DDL unless the DBA asks for the drop script
        // and the counters are old enough to say so.
        var review = finding.Kind == ReviewKind.Unused && (finding.ReviewOnly || !dropUnused);
        var reason = review && !finding.ReviewOnly ? finding.Reason + "; review only: pass -IncludeDropScript for the DROP statement" : finding.Reason;
        return new IndexRecommendation(engine, review ? RecommendationAction.Review : RecommendationAction.Drop, schema, finding.Table, subject.Name!, Keys(subject, ddl), subject.Include,
            subject.IsPartial ? subject.PredicateText : null, ddl.Spelling.Method(subject.Method), rule, reason, null, null, null, size,
            -WriteOverhead.Of(subject, workload.Writes), "Statistics", review ? string.Empty : ddl.Drop(subject, schema), false, order, Array.Empty<QueryCost>(), null) { OutsideTransaction = ddl.OutsideTransaction };
    }
}
