using DbArchitect.Core.Live;

namespace DbArchitect.Core.Indexing;

/// <summary>How the advisor checks its choices: not at all (heuristic), with what-if plans, or by building for real and rolling back.</summary>
public enum ValidationMode { None, WhatIf, Real }

/// <summary>What a live advisor run needs besides the advisor options.</summary>
public sealed record LiveAdviceOptions
{
    public ValidationMode Validate { get; init; } = ValidationMode.WhatIf;

    /// <summary>Allows CREATE EXTENSION of the what-if extension (HypoPG) when it is available but not installed.</summary>
    public bool AllowExtensionCreate { get; init; }

    /// <summary>Statements from workload files; null reads the server's own statement statistics.</summary>
    public IReadOnlyList<WorkloadStatement>? Statements { get; init; }
}

/// <summary>
/// An engine's live part of index advice: reading the workload (statements explained by the server, or its statement
/// statistics) with table statistics and existing indexes, and the what-if cost model.
/// </summary>
public interface ILiveIndexAdvisor
{
    Workload Read(LiveSession session, LiveAdviceOptions options, Action<string, int, int>? progress);

    /// <summary>The best cost model the server offers under the options; notes say what was used and why.</summary>
    IIndexCostModel CostModel(LiveSession session, Workload workload, LiveAdviceOptions options, List<string> notes);

    /// <summary>
    /// Builds each recommended index for real inside one transaction in selection order, measures the statements
    /// after each, and rolls everything back. Needs a session opened with ReadOnly = false.
    /// </summary>
    IReadOnlyList<IndexRecommendation> ValidateReal(LiveSession session, Workload workload, IReadOnlyList<IndexRecommendation> recommendations) => recommendations;

    /// <summary>
    /// Leaves the session as the run found it (what-if indexes and prepared statements gone): a pooled connection goes
    /// back to its pool, and the next user of it must not plan with this run's hypothetical indexes.
    /// </summary>
    void Release(LiveSession session)
    {
    }
}
