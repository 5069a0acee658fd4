using DbArchitect.Core.Engines;
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
/// The result of New-DbDesign: the requirements (the logical model every family shares: entities, attributes,
/// relationships, access patterns, volumes), and the physical model for the chosen engine — tables in
/// <see cref="Logical"/>/<see cref="Physical"/> for a relational engine, the family's own model in
/// <see cref="FamilyModel"/> for the others.
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

    /// <summary>The family of the design's physical model; <see cref="Physical"/> holds tables only for relational designs.</summary>
    public EngineFamily Family { get; init; } = EngineFamily.Relational;

    /// <summary>The physical model and files of a non-relational design (collections, key families); null for relational designs.</summary>
    public Families.FamilyDesign? FamilyModel { get; init; }

    /// <summary>Rows and bytes per table and index today, after one and three years and at retention, by the engine's storage rules.</summary>
    public CapacityForecast CapacityForecast { get; init; } = CapacityForecast.Empty;

    /// <summary>Health views and scheduled maintenance jobs, with their reasons (empty for designs built by hand).</summary>
    public MaintenancePlan Maintenance { get; init; } = MaintenancePlan.Empty;

    /// <summary>Group roles, their privileges and the host access rules (empty for designs built by hand).</summary>
    public SecurityPlan Security { get; init; } = SecurityPlan.Empty;

    /// <summary>The one connection budget the tuning and security sections share.</summary>
    public Tuning.ConnectionBudget Connections { get; init; } = Tuning.ConnectionBudget.For(null, null);

    /// <summary>The backup and recovery plan; null for designs built without one (fixtures, imported schemas).</summary>
    public BackupPlan? Backup { get; init; }

    /// <summary>Every known engine scored against the requirements, best first (Get-DbTechnologyRecommendation).</summary>
    public IReadOnlyList<TechnologyRecommendation> Technologies { get; init; } = Array.Empty<TechnologyRecommendation>();

    /// <summary>Cache, search engine, analytics store and pooler beside the chosen engine, each needed or not, with reasons.</summary>
    public IReadOnlyList<SupportingTechnology> SupportingTechnologies { get; init; } = Array.Empty<SupportingTechnology>();

    /// <summary>
    /// The needed parts of the architecture beside the primary store (live positions, cache, search engine, analytics
    /// store), each with its own design when an engine of the registry can design it, else the reason it is not generated.
    /// </summary>
    public IReadOnlyList<Architecture.DesignPart> Parts { get; init; } = Array.Empty<Architecture.DesignPart>();

    /// <summary>
    /// Set when engine: auto ranked first an engine that cannot generate a design: which designable engine this design
    /// uses instead and why (also a Technology decision). Null when the design is for the engine asked or ranked first.
    /// </summary>
    public string? EngineFallback { get; init; }

    /// <summary>The primary database this design is a part beside (a cache, live positions); null for the primary design itself.</summary>
    public string? PartOf { get; init; }

    /// <summary>The scalability roadmap: phases in the order they are expected, each with its trigger and step.</summary>
    public IReadOnlyList<RoadmapPhase> Roadmap { get; init; } = Array.Empty<RoadmapPhase>();

    /// <summary>How the tables would be sharded when the roadmap reaches horizontal scale-out.</summary>
    public DistributionPlan? Distribution { get; init; }

    /// <summary>The server configuration for the requirement's hardware and workload; null when memory is not stated.</summary>
    public ConfigRecommendation? Configuration { get; init; }

    /// <summary>The ready query of each access pattern (keyset pages, time buckets, search) with the index that serves it and why.</summary>
    public IReadOnlyList<QueryTemplate> QueryTemplates { get; init; } = Array.Empty<QueryTemplate>();
}
