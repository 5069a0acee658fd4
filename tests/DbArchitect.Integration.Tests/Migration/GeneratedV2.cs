using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Integration.Tests.Migration;

/// <summary>
/// Version 2 of any requirements file, made from version 1: a new entity (a required string, an enum with a default,
/// a checked number) owned by the first entity, two new attributes on the first entity (one with a range check), and an
/// access pattern on the new entity. A multi-tenant spec makes the new entity tenant-scoped like the others.
/// </summary>
internal static class GeneratedV2
{
    public const string Entity = "migration_note";

    public static DbRequirement From(DbRequirement v1)
    {
        var at = new SourceLocation(v1.SourcePath, 1, 1);
        var owner = v1.Entities[0];
        AttributeSpec Attribute(string name, LogicalType type, bool required = false, DefaultSpec? value = null, CheckSpec? check = null) =>
            new(name, type, required, false, value, check, $"Added in v2: {name}.", at);

        var note = new EntitySpec(Entity, "Added in v2: a note on a " + owner.Name, null, null, new[]
        {
            Attribute("headline", LogicalType.String(120), required: true),
            Attribute("stage", LogicalType.Enum(new[] { "draft", "live", "archived" }), value: new DefaultSpec(DefaultKind.Literal, "draft")),
            Attribute("score", LogicalType.Int, check: new CheckSpec(">= 0", new[] { new CheckCondition(CheckOperator.GreaterOrEqual, new[] { "0" }, false) })),
        }, null, null, null, null, at);
        var extended = owner with
        {
            Attributes = owner.Attributes.Concat(new[]
            {
                Attribute("v2_rank", LogicalType.Int, check: new CheckSpec("between 0 and 100", new[] { new CheckCondition(CheckOperator.Between, new[] { "0", "100" }, false) })),
                Attribute("v2_label", LogicalType.String(40)),
            }).ToArray(),
        };
        return v1 with
        {
            Entities = new[] { extended }.Concat(v1.Entities.Skip(1)).Append(note).ToArray(),
            Relationships = v1.Relationships.Append(new RelationshipSpec(owner.Name, Entity, RelationshipKind.OneToMany, DeleteAction.Cascade, null, null, false,
                "Added in v2: the notes of a " + owner.Name, Array.Empty<AttributeSpec>(), at)).ToArray(),
            AccessPatterns = v1.AccessPatterns.Append(new AccessPatternSpec("v2 notes by stage", Entity, new[] { "stage" }, Array.Empty<SortKey>(), 50, 5,
                Array.Empty<string>(), false, null, null, Array.Empty<GroupKey>(), Array.Empty<string>(), null, at)).ToArray(),
        };
    }
}
