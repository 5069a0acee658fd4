using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Model.Document;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.MongoDb;

/// <summary>
/// One entity as the MongoDB designer sees it: its collection name, the features it carries (timestamps, soft delete,
/// tenant key), its volumes at the horizon and its own fields (attributes plus the fields the design adds). Built
/// once per entity; the relationship and index planners read it.
/// </summary>
internal sealed record MongoEntity(
    string Name,
    string Collection,
    string? Description,
    bool IsTenant,
    bool TenantScoped,
    bool Timestamps,
    bool SoftDelete,
    long? Rows,
    long? RowsPerDay,
    Horizons Documents,
    IReadOnlyList<DocumentField> Fields)
{
    public const string TenantEntity = "tenant";

    public bool HasVolumes => Rows is > 0;

    /// <summary>GeoJSON points that stand for the latitude and longitude attributes the entity's near patterns name.</summary>
    public IReadOnlyList<MongoGeoPoint> Points { get; init; } = Array.Empty<MongoGeoPoint>();

    /// <summary>The point a near pattern searches; null when its attributes were not stored as one.</summary>
    public MongoGeoPoint? PointFor(NearSpec near) => Points.FirstOrDefault(p => p.Serves(near));

    /// <summary>The point an attribute became a coordinate of, if any.</summary>
    public MongoGeoPoint? PointHolding(string attribute) => Points.FirstOrDefault(p => p.Holds(attribute));

    public DocumentField? Field(string name) =>
        Fields.FirstOrDefault(f => ImplicitColumns.SameKey(f.Name, name));

    /// <summary>Documents of an entity at each horizon, by the capacity forecast's one rule (linear growth, capped by retention).</summary>
    public static Horizons DocumentsAt(long? rows, long? rowsPerDay, Retention? retention) =>
        CapacityForecaster.RowsAt(
            new Table(string.Empty, TableKind.Entity, null, Array.Empty<Column>(), new PrimaryKey(string.Empty, Array.Empty<string>()),
                Array.Empty<ForeignKey>(), Array.Empty<UniqueKey>(), Array.Empty<CheckConstraint>(), Array.Empty<Model.Index>(),
                TableFeatures.None, null, rows, rowsPerDay),
            retention);
}
