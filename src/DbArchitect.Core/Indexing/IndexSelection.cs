namespace DbArchitect.Core.Indexing;

/// <summary>Limits on the chosen set; null means no limit.</summary>
public sealed record SelectionBudget(int? MaxIndexes, double? MaxSizeMB)
{
    public static readonly SelectionBudget None = new(null, null);
}

/// <summary>A statement's cost before and after the chosen set (weighted by its calls in the totals).</summary>
public sealed record QueryCost(string QueryId, string Text, double Weight, double Before, double After)
{
    public double BenefitPercent => Before <= 0 ? 0 : Math.Round(100 * (Before - After) / Before, 1);
}

/// <summary>An index the greedy search chose, in order, with the marginal benefit it added at the time it was chosen.</summary>
public sealed record ChosenIndex(
    IndexCandidate Candidate,
    int Order,
    double MarginalBenefit,
    double WriteOverhead,
    double SizeBytes,
    IReadOnlyList<QueryCost> Queries);

/// <summary>A candidate not chosen, with why.</summary>
public sealed record RejectedIndex(IndexCandidate Candidate, string Reason, double SizeBytes);

public sealed record SelectionResult(
    IReadOnlyList<ChosenIndex> Chosen,
    IReadOnlyList<RejectedIndex> Rejected,
    IReadOnlyList<QueryCost> Queries,
    double WorkloadBefore,
    double WorkloadAfter);
