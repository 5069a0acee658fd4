using DbArchitect.Core.Design.Families;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Technology;

namespace DbArchitect.Core.Design.Architecture;

/// <summary>
/// Designs the needed parts of an architecture that an engine of the registry can design (the engine's
/// <see cref="IPartDesigner"/> says which roles: a cache in front of the primary, a GEO set of live positions), each
/// from a requirement cut down to what the part serves;
/// the others are listed with the reason they are not generated. Pure: same requirement, same parts.
/// </summary>
internal static class PartDesigner
{
    /// <summary>The folder every part's own design is exported under.</summary>
    public const string PartsFolder = "parts";

    public static IReadOnlyList<DesignPart> Design(DbRequirement requirement, EngineEntry primary, IReadOnlyList<SupportingTechnology> supporting)
    {
        var parts = new List<DesignPart>();
        foreach (var part in supporting.Where(s => s.Needed && s.Serves is not null))
        {
            parts.Add(Design(requirement, primary, part));
        }

        return parts;
    }

    private static DesignPart Design(DbRequirement requirement, EngineEntry primary, SupportingTechnology part)
    {
        if (part.Engine is not { } engineId)
        {
            return new DesignPart(part, null, null,
                $"not generated: {part.Technology} is outside the engines this module designs for; the reason and figures above size it.");
        }

        var entry = EngineRegistry.Entry(engineId);
        if ((entry.Designer as IPartDesigner)?.ForPart(part.Role, primary.Id) is not { } chosen)
        {
            return new DesignPart(part, null, null, entry.CanDesign
                ? $"not generated: {entry.DisplayName} designs a whole store, not this part yet."
                : $"not generated: {entry.DisplayName} is known to the ranking but cannot generate a design yet.");
        }

        var (designer, folder) = chosen;
        var scoped = part.Role == SupportingTechnologies.LivePositionsRole ? PositionScope(requirement) : CacheScope(requirement, part.Serves!);
        var decisions = new List<DesignDecision>
        {
            new(DesignAreas.Technology, part.Role, part.Technology,
                $"A part of the architecture beside {primary.DisplayName}, serving {string.Join(", ", part.Serves!.AccessPatterns)}: {part.Reason}"),
        };
        var design = DesignEngine.DesignFamily(scoped, designer, Array.Empty<TechnologyRecommendation>(), Array.Empty<SupportingTechnology>(), decisions)
            with { PartOf = primary.DisplayName };
        return new DesignPart(part, PartsFolder + "/" + folder, design, null);
    }

    /// <summary>
    /// The requirement a cache part designs from: only the access patterns it serves. Entities and relationships stay
    /// whole, because a cached pattern's parameters are columns its relationships create (a category_id).
    /// </summary>
    private static DbRequirement CacheScope(DbRequirement requirement, PartScope serves)
    {
        var served = serves.AccessPatterns.ToHashSet(StringComparer.Ordinal);
        return requirement with { AccessPatterns = requirement.AccessPatterns.Where(p => served.Contains(p.Name)).ToArray() };
    }

    /// <summary>
    /// The requirement a live-positions part designs from: each position entity holding one row per owner (its
    /// latest position, replaced in place, so no growth), keyed by the owner's key as a unique attribute, and only the
    /// latest-position patterns.
    /// </summary>
    private static DbRequirement PositionScope(DbRequirement requirement)
    {
        var live = LivePositions.Find(requirement);
        var keyType = LogicalType.Simple(requirement.Conventions.PrimaryKey switch
        {
            PrimaryKeyKind.Uuid => LogicalTypeKind.Uuid,
            PrimaryKeyKind.BigInt => LogicalTypeKind.BigInt,
            _ => LogicalTypeKind.Int,
        });
        var entities = live.Select(p =>
        {
            var owner = p.Owner is { } relationship
                ? new[] { new AttributeSpec(ImplicitColumns.ForeignKeyColumn(relationship), keyType, true, true, null, null, $"The {relationship.From} whose latest position this is", p.Entity.Location) }
                : Array.Empty<AttributeSpec>();
            return p.Entity with
            {
                Rows = Math.Max(1, p.Tracked),
                RowsPerDay = 0,
                Attributes = owner.Concat(p.Entity.Attributes).ToArray(),
                Description = "The latest position of each " + (p.Owner?.From ?? p.Entity.Name),
            };
        }).ToArray();
        return requirement with
        {
            Entities = entities,
            Relationships = Array.Empty<RelationshipSpec>(),
            AccessPatterns = live.SelectMany(p => p.Patterns).ToArray(),
        };
    }
}
