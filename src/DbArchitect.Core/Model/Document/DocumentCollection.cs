namespace DbArchitect.Core.Model.Document;

public enum CollectionKind { Entity, Tenant, Bucket, Link }

/// <summary>What a validator does with documents that break it, and whether fields not listed are allowed.</summary>
public sealed record ValidationPolicy(bool AdditionalProperties, bool Strict, bool RejectInvalid, string Reason);

/// <summary>
/// Sizes of a collection's documents and indexes: the typical document in bytes (estimated from field names and
/// typical values), the largest document the design allows, and totals today and at the horizon.
/// </summary>
public sealed record DocumentSize(
    int AverageBytes,
    long MaxBytes,
    long DocumentsToday,
    long DocumentsAtHorizon,
    long DataBytesAtHorizon,
    long IndexBytesAtHorizon,
    long InsertsPerDay);

/// <summary>
/// A collection: the entity (or the relationship, or the bucketed child) it stores, its fields, validation policy,
/// indexes, shard key and sizes.
/// </summary>
public sealed record DocumentCollection(
    string Name,
    CollectionKind Kind,
    string? SourceEntity,
    string? Description,
    IReadOnlyList<DocumentField> Fields,
    ValidationPolicy Validation)
{
    public IReadOnlyList<DocumentIndex> Indexes { get; init; } = Array.Empty<DocumentIndex>();

    public ShardKey? Shard { get; init; }

    public DocumentSize? Size { get; init; }

    /// <summary>Seconds of time one bucket document covers (an hour, a day); null for collections that are not buckets.</summary>
    public long? BucketSeconds { get; init; }

    /// <summary>Entities embedded in this collection's documents (as sub-documents or arrays).</summary>
    public IReadOnlyList<string> Embeds { get; init; } = Array.Empty<string>();

    public DocumentField? FindField(string name) => Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
}
