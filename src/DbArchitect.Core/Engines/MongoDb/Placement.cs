namespace DbArchitect.Core.Engines.MongoDb;

public enum PlacementKind { Collection, Embedded, Bucketed, ReferenceArray }

/// <summary>
/// Where the documents of a logical entity (or of a many-to-many's link) live, so an access pattern on it is answered
/// from the right collection: its own, a sub-document or array of a parent (found by the parent's key), a bucket's
/// items, or a reference array inside one side of a many-to-many.
/// </summary>
internal sealed record Placement(PlacementKind Kind, CollectionDraft Collection, string? ArrayField, string? ParentKey, string? LinkedKey);
