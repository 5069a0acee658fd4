using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Scalability;
using DbArchitect.Core.Technology;

namespace DbArchitect.Core.Design;

/// <summary>One decision the design made, with its reason, so every recommendation can be traced.</summary>
public sealed record DesignDecision(string Area, string Subject, string Decision, string Reason);

public enum WarningSeverity { Info, Warning }

public sealed record DesignWarning(WarningSeverity Severity, string Subject, string Message);

/// <summary>
/// The result of New-DbDesign: the requirements, the engine-neutral model (logical names and types), and the
/// physical model for the chosen engine (names shortened by its rules, native types filled in).
/// </summary>
public sealed record DbDesign(
    DbRequirement Requirement,
    string Engine,
    string EngineDisplayName,
    SchemaModel Logical,
    SchemaModel Physical,
    IReadOnlyList<DesignDecision> Decisions,
    IReadOnlyList<DesignWarning> Warnings)
{
    public string Application => Requirement.Application.Name;

    public IReadOnlyList<Table> Tables => Physical.Tables;

    public int TableCount => Physical.Tables.Count;

    public int IndexCount => Physical.Tables.Sum(t => t.Indexes.Count);

    /// <summary>Every known engine scored against the requirements, best first (Get-DbTechnologyRecommendation).</summary>
    public IReadOnlyList<TechnologyRecommendation> Technologies { get; init; } = Array.Empty<TechnologyRecommendation>();

    /// <summary>Cache, search engine, analytics store and pooler beside the chosen engine, each needed or not, with reasons.</summary>
    public IReadOnlyList<SupportingTechnology> SupportingTechnologies { get; init; } = Array.Empty<SupportingTechnology>();

    /// <summary>The scalability roadmap: phases in the order they are expected, each with its trigger and step.</summary>
    public IReadOnlyList<RoadmapPhase> Roadmap { get; init; } = Array.Empty<RoadmapPhase>();

    /// <summary>How the tables would be sharded when the roadmap reaches horizontal scale-out.</summary>
    public DistributionPlan? Distribution { get; init; }
}
