using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Model.KeyValue;

/// <summary>The value a key holds. Engine-neutral names: another key-value engine maps them to its own types.</summary>
public enum ValueStructure { String, Hash, SortedSet, Set, List, Stream, Geo }

/// <summary>Why a key family exists.</summary>
public enum KeyFamilyPurpose
{
    /// <summary>One key per entity instance holding its fields.</summary>
    Entity,

    /// <summary>One key per unique value pointing at the entity's id (and enforcing the uniqueness).</summary>
    Lookup,

    /// <summary>One key per filter value listing the matching ids, ordered when the access pattern orders.</summary>
    Index,

    /// <summary>The members of a relationship (the ids on the other side), per owner.</summary>
    Membership,

    /// <summary>An append-only, time-ordered feed of events per owner.</summary>
    Feed,

    /// <summary>Word postings and the term dictionary of a text search.</summary>
    Search,

    /// <summary>Aggregates kept up to date on write, per time bucket.</summary>
    Counter,

    /// <summary>Positions for radius and box searches.</summary>
    Location,

    /// <summary>A cached copy of data whose source of truth is another store.</summary>
    Cache,
}

/// <summary>
/// How an access pattern's query reads a family: ids from an index (ordered or not), one entity, a value, the
/// buckets of a counter, a search over word postings, the latest entries of a feed.
/// </summary>
public enum KeyQueryKind { EntityById, Lookup, Members, LexMembers, Counters, Search, Feed, Cached }

/// <summary>A field of a hash or stream entry: its name in the key, the attribute it holds, and its typical size.</summary>
public sealed record KeyField(string Name, string Column, LogicalType Type, int Bytes, double NullShare);

/// <summary>
/// A sort column of an index whose members carry their order (several sort columns, or text): its column, direction
/// and the fixed width it is encoded with (0 for text, which keeps its own length).
/// </summary>
public sealed record LexPart(string Column, LogicalType Type, bool Descending, int Width);

/// <summary>A figure of a key family: what one key costs and how many there are today and at the retention limit.</summary>
public sealed record KeyFamilySize(
    long KeysToday,
    long KeysAtRetention,
    double ElementsPerKey,
    int KeyNameBytes,
    int ElementBytes,
    string Encoding,
    long UsageBytesPerKey,
    long TableBytesPerKey,
    long BytesToday,
    long BytesAtRetention,
    string Basis);

/// <summary>
/// One family of keys that share a pattern and a structure: <c>shop:order:{&lt;id&gt;}</c> hashes, or
/// <c>shop:order:by_customer_id:{&lt;customer_id&gt;}</c> sorted sets. <see cref="KeyColumns"/> fill the pattern's
/// placeholders in order; <see cref="MemberColumn"/>, <see cref="ScoreColumn"/> and <see cref="Lex"/> say what an
/// element is; <see cref="Fields"/> list a hash's or stream entry's fields.
/// </summary>
public sealed record KeyFamily(
    string Name,
    string Entity,
    KeyFamilyPurpose Purpose,
    ValueStructure Structure,
    string Pattern,
    IReadOnlyList<string> KeyColumns,
    IReadOnlyList<KeyField> Fields,
    string? MemberColumn,
    string? ScoreColumn,
    IReadOnlyList<LexPart> Lex,
    long? TtlSeconds,
    string Reason)
{
    /// <summary>The access patterns (and rules such as a foreign key's reverse lookup) this family serves.</summary>
    public IReadOnlyList<string> Serves { get; init; } = Array.Empty<string>();

    /// <summary>For a counter: the aggregate kept (sum, count, avg as sum and count) and the time bucket of its fields.</summary>
    public AggregateSpec? Aggregate { get; init; }

    public GroupKey? Bucket { get; init; }

    /// <summary>For a search family: the text columns whose words are posted.</summary>
    public IReadOnlyList<string> TextColumns { get; init; } = Array.Empty<string>();

    /// <summary>For a location family: the latitude and longitude columns.</summary>
    public LocationColumns? Position { get; init; }

    /// <summary>Memory of the family (filled by the engine's memory model).</summary>
    public KeyFamilySize? Size { get; init; }
}

/// <summary>One command of a query template: its words, with &lt;column&gt; placeholders for the pattern's parameters.</summary>
public sealed record KeyCommand(IReadOnlyList<string> Words, string Note);

/// <summary>The ready commands of one access pattern, the family that serves it and how its answer is read.</summary>
public sealed record KeyQuery(
    string AccessPattern,
    string Entity,
    string Family,
    KeyQueryKind Kind,
    IReadOnlyList<string> Parameters,
    IReadOnlyList<KeyCommand> Commands,
    string Explanation)
{
    /// <summary>The family whose keys the ids of <see cref="Commands"/> are fetched from (the entity's hashes), when any.</summary>
    public string? FetchFamily { get; init; }

    public int? Limit { get; init; }
}

/// <summary>Memory of the whole design with the headroom it is provisioned with.</summary>
public sealed record KeyValueMemory(
    long DataBytesToday,
    long DataBytesAtRetention,
    double Fragmentation,
    double ForkHeadroom,
    long MaxMemoryBytes,
    long NodeMemoryBytes,
    string Basis);

/// <summary>How the store is laid out on servers: shards (primaries), replicas per shard and why.</summary>
public sealed record KeyValueTopology(int Shards, int ReplicasPerShard, double OperationsPerSecond, double OperationsPerShard, long MemoryPerShardBytes, string Mode, string Reason);

/// <summary>
/// The key-value family's physical model: the key families (entities, lookups, indexes, memberships, feeds,
/// counters), the queries of the access patterns, memory and topology. <see cref="Role"/> is "primary store" or
/// "cache" (in front of another store named by <see cref="SourceOfTruth"/>).
/// </summary>
public sealed record KeyValueModel(
    string Role,
    string? SourceOfTruth,
    string KeyPrefix,
    string TagScheme,
    IReadOnlyList<KeyFamily> Families,
    IReadOnlyList<KeyQuery> Queries,
    KeyValueMemory Memory,
    KeyValueTopology Topology);

/// <summary>A location family's latitude and longitude columns.</summary>
public sealed record LocationColumns(string Latitude, string Longitude);
