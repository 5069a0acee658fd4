using DbArchitect.Core.Engines;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Design.Families;

/// <summary>
/// Designs for an engine of a non-relational family from the logical requirement (entities, attributes,
/// relationships, access patterns, volumes, workload). Each engine implements it in its own folder
/// (Engines/&lt;Engine&gt;/, beside its ranking profile) and is registered by one line in <see cref="EngineRegistry"/>.
/// Pure: same requirement, same design.
/// </summary>
public interface IFamilyDesigner
{
    /// <summary>Stable lower-case id used on the command line and in requirements files: "mongodb".</summary>
    string Id { get; }

    /// <summary>Name and minimum version the design targets: "MongoDB 7.0".</summary>
    string DisplayName { get; }

    EngineFamily Family { get; }

    /// <summary>
    /// The family's physical model and its files. Decisions go to <paramref name="decisions"/> with the area of the
    /// design.md section they belong to (<see cref="DesignAreas"/>); each records its reason with the figures.
    /// </summary>
    FamilyDesign Design(DbRequirement requirement, List<DesignDecision> decisions, List<DesignWarning> warnings);
}
