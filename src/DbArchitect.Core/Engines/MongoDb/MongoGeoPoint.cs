using DbArchitect.Core.Design;
using DbArchitect.Core.Model.Document;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.MongoDb;

/// <summary>
/// The position a near pattern searches around, stored once as a GeoJSON Point <c>{ type: "Point", coordinates:
/// [longitude, latitude] }</c> — longitude first, as GeoJSON (RFC 7946) and MongoDB's 2dsphere index read it — in place
/// of the requirement's two attributes, so one 2dsphere index serves the search. A filter, sort or projection that names
/// either attribute reads its coordinate (<see cref="PathOf"/>) or the point.
/// </summary>
internal sealed record MongoGeoPoint(string Field, string Latitude, string Longitude)
{
    /// <summary>WGS 84 bounds in degrees; MongoDB refuses a point outside them.</summary>
    public const decimal MaxLongitude = 180;

    public const decimal MaxLatitude = 90;

    private static readonly FieldRules PointType = new() { Enum = new[] { "Point" } };

    public bool Holds(string attribute) => ImplicitColumns.SameKey(attribute, Latitude) || ImplicitColumns.SameKey(attribute, Longitude);

    public bool Serves(NearSpec near) => ImplicitColumns.SameKey(near.Latitude, Latitude) && ImplicitColumns.SameKey(near.Longitude, Longitude);

    /// <summary>The coordinate an attribute became: position 0 is the longitude, 1 the latitude.</summary>
    public string PathOf(string attribute) => Field + ".coordinates." + (ImplicitColumns.SameKey(attribute, Longitude) ? "0" : "1");

    /// <summary>
    /// Replaces each near pattern's latitude and longitude fields of <paramref name="entity"/> by one point field, where
    /// the latitude stood; returns the points. A pair that shares an attribute with an earlier pair keeps its fields.
    /// </summary>
    public static IReadOnlyList<MongoGeoPoint> Place(DbRequirement requirement, EntitySpec entity, List<DocumentField> fields, List<DesignDecision> decisions)
    {
        var points = new List<MongoGeoPoint>();
        var names = new NameScope(int.MaxValue, caseSensitive: false);
        foreach (var field in fields)
        {
            names.Claim(field.Name);
        }

        var pairs = requirement.AccessPatterns.Where(p => p.Near is not null && ImplicitColumns.SameKey(p.Entity, entity.Name)).Select(p => p.Near!)
            .DistinctBy(n => (ImplicitColumns.MatchKey(n.Latitude), ImplicitColumns.MatchKey(n.Longitude)));
        foreach (var near in pairs)
        {
            var latitude = fields.FindIndex(f => f.Origin == FieldOrigin.Attribute && ImplicitColumns.SameKey(f.Name, near.Latitude));
            var longitude = fields.FindIndex(f => f.Origin == FieldOrigin.Attribute && ImplicitColumns.SameKey(f.Name, near.Longitude));
            if (latitude < 0 || longitude < 0 || latitude == longitude || points.Any(p => p.Holds(near.Latitude) || p.Holds(near.Longitude)))
            {
                continue;
            }

            var point = new MongoGeoPoint(names.Claim(MongoNames.Field(requirement.Conventions.Naming, "location")), near.Latitude, near.Longitude);
            var (lat, lon) = (fields[latitude], fields[longitude]);
            var required = lat.Required && lon.Required;
            var field = new DocumentField(point.Field, DocumentValueType.Point, required, FieldRules.None, FieldOrigin.Attribute,
                $"Position of the {entity.Name} as a GeoJSON Point: coordinates [{near.Longitude}, {near.Latitude}], longitude first.")
            {
                Fields = new[]
                {
                    new DocumentField("type", DocumentValueType.String, true, PointType, FieldOrigin.Attribute, "GeoJSON geometry type."),
                    new DocumentField("coordinates", DocumentValueType.Array, true, FieldRules.None, FieldOrigin.Attribute, "[longitude, latitude] in degrees (WGS 84).")
                    {
                        Positions = new[] { Coordinate(lon, MaxLongitude, $"longitude ({entity.Name}.{near.Longitude})"), Coordinate(lat, MaxLatitude, $"latitude ({entity.Name}.{near.Latitude})") },
                    },
                },
            };
            fields[latitude] = field;
            fields.RemoveAt(longitude);
            points.Add(point);
            var doubles = new[] { lat, lon }.All(f => f.Type == DocumentValueType.Double) ? string.Empty
                : $" {lat.LogicalType} and {lon.LogicalType} values are stored as doubles, as GeoJSON coordinates are (a double keeps about 15 significant digits: far below a millimetre).";
            decisions.Add(new DesignDecision(DesignAreas.Schema, $"{entity.Name} position", $"{point.Field}: a GeoJSON Point of {near.Longitude} and {near.Latitude}",
                $"A near pattern searches {entity.Name} around a point, which a 2dsphere index answers only over GeoJSON (or legacy pairs): {near.Longitude} → {point.Field}.coordinates.0 and {near.Latitude} → {point.Field}.coordinates.1, longitude first, stored once instead of as two fields."
                + $" The validator requires type \"Point\" and exactly two doubles, the longitude within [-180, 180] and the latitude within [-90, 90] (narrower where the attributes' checks are), and no other member{(required ? string.Empty : "; the point is optional because a coordinate is, and a document without it is left out of the 2dsphere index")}."
                + " Clients write the coordinates as doubles: a driver that sends a whole number as int32 fails the validator; the order is the client's duty too, since a swapped pair inside both ranges is still a valid point." + doubles));
        }

        return points;
    }

    /// <summary>A coordinate within its world bounds, narrowed by the attribute's own check.</summary>
    private static DocumentField Coordinate(DocumentField attribute, decimal bound, string description)
    {
        var rules = attribute.Rules;
        var (minimum, exclusiveMinimum) = rules.Minimum is { } low && low >= -bound ? (low, rules.ExclusiveMinimum) : (-bound, false);
        var (maximum, exclusiveMaximum) = rules.Maximum is { } high && high <= bound ? (high, rules.ExclusiveMaximum) : (bound, false);
        return new DocumentField(attribute.Name, DocumentValueType.Double, true,
            new FieldRules { Minimum = minimum, ExclusiveMinimum = exclusiveMinimum, Maximum = maximum, ExclusiveMaximum = exclusiveMaximum },
            FieldOrigin.Attribute, description);
    }
}
