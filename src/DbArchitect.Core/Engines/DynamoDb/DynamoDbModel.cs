namespace DbArchitect.Core.Engines.DynamoDb;

/// <summary>
/// The DynamoDB physical model (design.json's "physical"): one table holding every item type under overloaded keys,
/// its secondary indexes, TTL, stream and capacity, and how each access pattern reads it.
/// </summary>
public sealed record DynamoDbModel(
    DynamoTable Table,
    IReadOnlyList<ItemType> ItemTypes,
    IReadOnlyList<AccessPath> AccessPaths,
    DynamoCapacity Capacity);

/// <summary>The table: its generic key attributes (PK, SK, GSI1PK…), indexes, TTL attribute and stream.</summary>
public sealed record DynamoTable(
    string Name,
    string PartitionKey,
    string SortKey,
    IReadOnlyList<DynamoIndex> GlobalIndexes,
    IReadOnlyList<DynamoIndex> LocalIndexes,
    string? TtlAttribute,
    string? StreamView,
    string TypeAttribute);

/// <summary>A secondary index over overloaded key attributes; <see cref="Serves"/> names the access patterns it exists for.</summary>
public sealed record DynamoIndex(string Name, string PartitionKey, string SortKey, string Projection, IReadOnlyList<string> Serves, bool Sparse);

public enum ItemKind
{
    /// <summary>One item per row of an entity.</summary>
    Entity,

    /// <summary>One item per pair of a many-to-many relationship (an adjacency list edge).</summary>
    Edge,

    /// <summary>An item whose key is a unique value, written in the same transaction as its entity so a second one fails.</summary>
    Uniqueness,

    /// <summary>A running aggregate (sum, count, min, max) kept by the stream consumer for an aggregate access pattern.</summary>
    Aggregate,
}

/// <summary>An attribute an item type stores, with its DynamoDB type (S, N, BOOL, M, L) and typical bytes.</summary>
public sealed record ItemAttribute(string Name, string Type, string LogicalType, bool Required, int TypicalBytes, IReadOnlyList<string> EnumValues)
{
    /// <summary>The entity whose id this attribute holds (a foreign key, an edge's side, the tenant); null otherwise.</summary>
    public string? References { get; init; }

    /// <summary>True when no two items of the entity may hold the same value (kept by a uniqueness item).</summary>
    public bool Unique { get; init; }
}

/// <summary>The keys an item type writes for one secondary index (absent when an attribute it needs is absent: a sparse index).</summary>
public sealed record IndexKeys(string Index, KeyTemplate PartitionKey, KeyTemplate SortKey, int Shards)
{
    /// <summary>True when an update moves the entry (a position in the keys): the index deletes the old entry and puts the new one, two writes.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool Moves { get; init; }
}

/// <summary>
/// One kind of item in the table: its entity, key templates for the table and each index it appears in, attributes,
/// sizes against the 400 KB limit, and its write cost.
/// </summary>
public sealed record ItemType(
    string Name,
    string Entity,
    ItemKind Kind,
    KeyTemplate PartitionKey,
    KeyTemplate SortKey,
    IReadOnlyList<IndexKeys> Indexes,
    IReadOnlyList<ItemAttribute> Attributes,
    IReadOnlyList<string> IdentityAttributes,
    int TypicalBytes,
    long? MaximumBytes,
    bool Ttl,
    bool Transactional,
    double WritesPerSecond,
    int WriteUnitsPerWrite)
{
    public IReadOnlyList<string> EnumValues(string attribute) =>
        Attributes.FirstOrDefault(a => string.Equals(a.Name, attribute, StringComparison.Ordinal))?.EnumValues ?? Array.Empty<string>();
}

public enum AccessKind
{
    /// <summary>A Query on the table or an index with a key condition.</summary>
    Query,

    /// <summary>A Query on the aggregate items the stream consumer keeps.</summary>
    Aggregate,

    /// <summary>A Scan with a FilterExpression: the condition cannot be a key (a JSON document).</summary>
    Scan,

    /// <summary>Served outside DynamoDB (a search engine fed by the stream).</summary>
    Search,
}

/// <summary>
/// How one access pattern reads the table: the index, the key condition built from the item type's key templates, the
/// direction, and what it costs. <see cref="SortCondition"/> is "begins_with" (a prefix of the sort key) or "between"
/// (a range on the first sort part); <see cref="OrderedBy"/> lists the columns the sort key orders.
/// </summary>
public sealed record AccessPath(
    string Pattern,
    string Entity,
    string ItemType,
    AccessKind Kind,
    string? Index,
    KeyTemplate? PartitionKey,
    KeyTemplate? SortPrefix,
    string? SortCondition,
    string? RangeAttribute,
    IReadOnlyList<string> OrderedBy,
    bool Forward,
    int? Limit,
    bool ConsistentRead,
    string? Filter,
    int Shards,
    double PerSecond,
    string PerSecondBasis,
    int ItemsPerRequest,
    double ReadUnitsPerRequest,
    string Note)
{
    /// <summary>For an aggregate: the attribute aggregated (null for count(*)) and the function (sum, count, avg, min, max).</summary>
    public string? AggregateAttribute { get; init; }

    public string? AggregateFunction { get; init; }

    /// <summary>For an aggregate: the UpdateExpression the stream consumer runs per record (#sum, #count, #min, #max; :value, :one).</summary>
    public string? UpdateExpression { get; init; }

    /// <summary>For min and max: the ConditionExpression that keeps the smaller or larger value (a failed condition is skipped).</summary>
    public string? UpdateCondition { get; init; }

    /// <summary>For a proximity search: the cells it reads and what the application does with them; null otherwise.</summary>
    public NearPath? Near { get; init; }

    /// <summary>The attributes a Scan's FilterExpression compares (#f0, #f1 … in its order).</summary>
    public IReadOnlyList<string> FilterColumns { get; init; } = Array.Empty<string>();

    /// <summary>The attributes a caller supplies: key values, range bounds (attribute + " from"/" to").</summary>
    public IReadOnlyList<string> Parameters =>
        (PartitionKey?.Attributes ?? Array.Empty<string>()).Concat(SortPrefix?.Attributes ?? Array.Empty<string>()).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>Read and write units per index and for the table, the mode chosen and why.</summary>
public sealed record DynamoCapacity(
    string Mode,
    double ReadUnits,
    double WriteUnits,
    long ProvisionedReadUnits,
    long ProvisionedWriteUnits,
    IReadOnlyList<IndexCapacity> Indexes,
    long StoredBytes,
    string Basis);

public sealed record IndexCapacity(string Index, double ReadUnits, double WriteUnits, long ProvisionedReadUnits, long ProvisionedWriteUnits);
