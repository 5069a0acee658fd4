using System.Runtime.CompilerServices;

namespace DbArchitect.Core.Requirements;

/// <summary>
/// Keyed views of a requirement's lists, built once per list: a 1,000-entity design asks for an entity by name, or for
/// the relationships into one, thousands of times, and a scan per question made the design quadratic in the entities.
/// The views are keyed by the list instance (the lists are immutable), so a requirement copied with other entities or
/// relationships gets views of its own, and they take no part in the records' equality.
/// </summary>
internal static class RequirementLookups
{
    private static readonly ConditionalWeakTable<IReadOnlyList<EntitySpec>, Dictionary<string, EntitySpec>> EntitiesByName = new();
    private static readonly ConditionalWeakTable<IReadOnlyList<RelationshipSpec>, ILookup<string, RelationshipSpec>> RelationshipsByTarget = new();

    /// <summary>The first entity named <paramref name="name"/>, ignoring case (as a scan of the list in order finds it).</summary>
    public static EntitySpec? Entity(IReadOnlyList<EntitySpec> entities, string name)
    {
        var byName = EntitiesByName.GetValue(entities, static list =>
        {
            var map = new Dictionary<string, EntitySpec>(list.Count, StringComparer.OrdinalIgnoreCase);
            foreach (var entity in list)
            {
                map.TryAdd(entity.Name, entity);
            }

            return map;
        });
        return byName.GetValueOrDefault(name);
    }

    /// <summary>The relationships whose <c>to</c> names <paramref name="entity"/>, ignoring case, in the order written.</summary>
    public static IEnumerable<RelationshipSpec> Into(IReadOnlyList<RelationshipSpec> relationships, string entity) =>
        RelationshipsByTarget.GetValue(relationships, static list => list.ToLookup(r => r.To, StringComparer.OrdinalIgnoreCase))[entity];
}
