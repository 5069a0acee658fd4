using DbArchitect.Core.Engines;
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

    /// <summary>The server configuration for the requirement's hardware and workload; null when memory is not stated.</summary>
    public ConfigRecommendation? Configuration { get; init; }
}
