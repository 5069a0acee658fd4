using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

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

    /// <summary>Rows and bytes per table and index today, after one and three years and at retention, by the engine's storage rules.</summary>
    public CapacityForecast CapacityForecast { get; init; } = CapacityForecast.Empty;

    /// <summary>The ready query of each access pattern (keyset pages, time buckets, search) with the index that serves it and why.</summary>
    public IReadOnlyList<QueryTemplate> QueryTemplates { get; init; } = Array.Empty<QueryTemplate>();
}
