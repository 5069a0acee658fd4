namespace DbArchitect.Core.Indexing;

/// <summary>How sure a figure is: a what-if plan (HypoPG), a real build, or the advisor's own heuristic cost model.</summary>
public enum CostConfidence { Heuristic, WhatIf, Real }

/// <summary>
/// Costs a statement as if exactly the existing indexes plus <c>extra</c> existed, in the engine's planner units
/// (heuristic: sequential-page units). Implementations: <see cref="HeuristicCostModel"/>, PostgreSQL's HypoPG model.
/// </summary>
public interface IIndexCostModel
{
    CostConfidence Confidence { get; }

    /// <summary>Why this model is used ("HypoPG 1.4 what-if plans"), shown with every recommendation.</summary>
    string Description { get; }

    double Cost(WorkloadQuery query, IReadOnlyList<IndexDefinition> extra);

    /// <summary>
    /// The costs of many statements, each with its own extra indexes, in request order. A what-if model answers a whole
    /// search step in one round trip; the default asks <see cref="Cost"/> for each.
    /// </summary>
    IReadOnlyList<double> Costs(IReadOnlyList<(WorkloadQuery Query, IReadOnlyList<IndexDefinition> Extra)> requests) =>
        requests.Select(r => Cost(r.Query, r.Extra)).ToList();

    /// <summary>Learns what it needs of every candidate at once (sizes, refusals) before the search asks one by one.</summary>
    void Prepare(IReadOnlyList<IndexDefinition> candidates)
    {
    }

    /// <summary>Estimated size of the index in bytes.</summary>
    double SizeBytes(IndexDefinition index);

    /// <summary>Why the model cannot cost this index (the server refuses it), or null when it can.</summary>
    string? Rejects(IndexDefinition index) => null;

    /// <summary>How sure the figures for this index are (a what-if model may have to estimate kinds it cannot simulate).</summary>
    CostConfidence ConfidenceFor(IndexDefinition index) => Confidence;
}
