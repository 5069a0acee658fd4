namespace DbArchitect.Core.Indexing;

/// <summary>Options of one advisor run.</summary>
public sealed record IndexAdvisorOptions
{
    /// <summary>Most key columns in a candidate.</summary>
    public int MaxWidth { get; init; } = 3;

    public SelectionBudget Budget { get; init; } = SelectionBudget.None;

    /// <summary>Review the existing indexes too (duplicates, redundancy, unused, unindexed foreign keys).</summary>
    public bool Review { get; init; } = true;

    /// <summary>
    /// Unused indexes (0 scans over counters at least <see cref="IndexReview.MinStatsDays"/> days old) become DROP
    /// statements; without it they are review items with no DDL. Indexes that enforce something are never dropped.
    /// </summary>
    public bool IncludeDropScript { get; init; }
}

/// <summary>The result of one run: the recommendations in order, the rejected candidates, and the per-statement costs.</summary>
public sealed record IndexAdvice(
    IReadOnlyList<IndexRecommendation> Recommendations,
    IReadOnlyList<IndexRecommendation> Rejected,
    SelectionResult Selection,
    string CostModel,
    CostConfidence Confidence)
{
    /// <summary>Σ weighted cost with the recommended indexes ÷ without, over the whole workload.</summary>
    public double RelativeWorkloadCost => Selection.WorkloadBefore <= 0 ? 1 : Selection.WorkloadAfter / Selection.WorkloadBefore;
}
