using DbArchitect.Core.Design;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Technology;

/// <summary>
/// An entity of positions written at a high rate whose latest position per owner is read: a driver's or courier's
/// position reported every few seconds and read as "where is it now". <see cref="Owner"/> is the relationship whose
/// key the latest-position patterns filter on (null when they filter on the entity's own key); <see cref="Tracked"/>
/// is how many owners there are (one live position each).
/// </summary>
internal sealed record LivePositionEntity(
    EntitySpec Entity,
    string Latitude,
    string Longitude,
    double WritesPerSecond,
    IReadOnlyList<AccessPatternSpec> Patterns,
    RelationshipSpec? Owner,
    long Tracked);

/// <summary>
/// The one rule for live positions: an entity with numeric latitude and longitude attributes, written at
/// <see cref="MinWritesPerSecond"/> or more, read by a proximity search (a <c>near</c> access pattern, which also names
/// the coordinates) or by a latest-position pattern (one row, newest first, by an owner's key). A history read (a track
/// of 500 points, an hourly aggregate) is not live and stays in the primary.
/// </summary>
internal static class LivePositions
{
    /// <summary>Position writes per second from which keeping the latest positions in memory beside the primary pays off.</summary>
    public const double MinWritesPerSecond = 100;

    public static IReadOnlyList<LivePositionEntity> Find(DbRequirement requirement)
    {
        var found = new List<LivePositionEntity>();

        // Keyed once: the ranking asks this for every engine, and a scan of the patterns per entity was quadratic.
        var nearOf = requirement.AccessPatterns.Where(p => p.Near is not null).GroupBy(p => ImplicitColumns.MatchKey(p.Entity), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Near!, StringComparer.Ordinal);
        foreach (var entity in requirement.Entities)
        {
            var writes = (entity.RowsPerDay ?? 0) / 86_400.0;
            if (writes < MinWritesPerSecond)
            {
                continue;
            }

            // A near pattern names the coordinates; without one they are found by their usual names.
            var near = nearOf.GetValueOrDefault(ImplicitColumns.MatchKey(entity.Name));
            var latitude = near is null ? Coordinate(entity, "latitude", "lat") : Attribute(entity, near.Latitude);
            var longitude = near is null ? Coordinate(entity, "longitude", "lon", "lng") : Attribute(entity, near.Longitude);
            if (latitude is null || longitude is null)
            {
                continue;
            }

            var latest = requirement.AccessPatterns.Where(p => Same(p.Entity, entity.Name) && IsLatest(entity, p)).ToList();
            var patterns = requirement.AccessPatterns.Where(p => Same(p.Entity, entity.Name) && (p.Near is not null || latest.Contains(p))).ToList();
            if (patterns.Count == 0)
            {
                continue;
            }

            var owner = latest.Count == 0 ? null : requirement.Relationships.FirstOrDefault(r => r.Kind != RelationshipKind.ManyToMany && Same(r.To, entity.Name)
                && latest.All(p => p.Where.Count == 1 && Same(p.Where[0], ImplicitColumns.ForeignKeyColumn(r))));
            var tracked = owner is null ? entity.Rows ?? 0 : requirement.FindEntity(owner.From)?.Rows ?? 0;
            found.Add(new LivePositionEntity(entity, latitude.Name, longitude.Name, writes, patterns, owner, tracked));
        }

        return found;
    }

    /// <summary>One row, newest first, by a key: "the latest position of a driver".</summary>
    private static bool IsLatest(EntitySpec entity, AccessPatternSpec pattern) =>
        pattern.Limit == 1 && pattern.Where.Count > 0 && pattern.Search.Count == 0 && pattern.Aggregate is null
        && pattern.OrderBy.Count > 0 && pattern.OrderBy[0].Descending && IsTime(entity, pattern.OrderBy[0].Column);

    private static bool IsTime(EntitySpec entity, string column) =>
        entity.Attributes.Any(a => Same(a.Name, column) && a.Type.IsTemporal)
        || Same(column, "created_at") || Same(column, "updated_at");

    private static AttributeSpec? Coordinate(EntitySpec entity, params string[] names) =>
        entity.Attributes.FirstOrDefault(a => a.Type.IsNumeric && names.Any(n => Same(a.Name, n)));

    private static AttributeSpec? Attribute(EntitySpec entity, string name) =>
        entity.Attributes.FirstOrDefault(a => a.Type.IsNumeric && Same(a.Name, name));

    private static bool Same(string a, string b) => ImplicitColumns.SameKey(a, b);
}
