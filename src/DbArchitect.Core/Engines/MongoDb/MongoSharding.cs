using DbArchitect.Core.Design;
using DbArchitect.Core.Model.Document;
using DbArchitect.Core.Requirements;
using static DbArchitect.Core.InvariantText;

namespace DbArchitect.Core.Engines.MongoDb;

/// <summary>
/// Whether to shard, and on what. A replica set carries the design while its data stays under
/// <see cref="ReplicaSetBytes"/> (beyond it an initial sync or a restore takes too long) and its writes under
/// <see cref="ReplicaSetWrites"/> a second; past either, collections of at least <see cref="ShardedCollectionBytes"/>
/// or <see cref="ShardedCollectionWrites"/> are sharded. The key: a bucket's parent and start; the tenant key first in
/// a multi-tenant design (zones can pin large tenants); else the field the busiest pattern matches, when it has
/// enough distinct values and does not grow monotonically; else a hashed _id.
/// </summary>
internal sealed class MongoSharding
{
    public const long ReplicaSetBytes = 2L * 1024 * 1024 * 1024 * 1024;
    public const double ReplicaSetWrites = 10_000;
    public const long ShardedCollectionBytes = 256L * 1024 * 1024 * 1024;
    public const double ShardedCollectionWrites = 1_000;

    /// <summary>MongoDB's default range (chunk) size.</summary>
    public const long ChunkBytes = 128L * 1024 * 1024;

    /// <summary>Fewest distinct key values for a ranged key: many times the chunks a large collection splits into.</summary>
    public const long MinimumCardinality = 1_000;

    private readonly DbRequirement _requirement;
    private readonly List<DesignDecision> _decisions;
    private readonly IReadOnlyList<DocumentRelation> _relations;
    private readonly IReadOnlyList<MongoEntity> _entities;

    public MongoSharding(DbRequirement requirement, IReadOnlyList<MongoEntity> entities, IReadOnlyList<DocumentRelation> relations, List<DesignDecision> decisions)
    {
        _requirement = requirement;
        _entities = entities;
        _relations = relations;
        _decisions = decisions;
    }

    /// <summary>Shards needed (1 when a replica set suffices).</summary>
    public int Shards { get; private set; } = 1;

    public Dictionary<string, ShardKey> Plan(IReadOnlyList<(CollectionDraft Draft, DocumentSize Size)> collections)
    {
        var keys = new Dictionary<string, ShardKey>(StringComparer.Ordinal);
        var bytes = collections.Aggregate(0L, (sum, c) => checked(sum + c.Size.DataBytesAtHorizon + c.Size.IndexBytesAtHorizon));
        // Inserts alone undercount: the workload's write share of its TPS includes updates.
        var writes = Math.Max(collections.Sum(c => Writes(c.Draft)), WorkloadWrites(_requirement));
        if (bytes <= ReplicaSetBytes && writes <= ReplicaSetWrites)
        {
            _decisions.Add(new DesignDecision(DesignAreas.Partitioning, "Sharding", "No sharding needed",
                $"{Bytes(bytes)} of data and indexes at the horizon is within the {Bytes(ReplicaSetBytes)} one replica set carries well, and {Number(writes)} writes/s within its {Count((long)ReplicaSetWrites)}: a three-member replica set serves the design; shard when either figure is passed."
                + GeoNote(collections.Select(c => c.Draft).Where(Spherical).Select(d => d.Name).ToList(), false)));
            return keys;
        }

        Shards = Math.Max(2, (int)Math.Max(Math.Ceiling(bytes / (double)ReplicaSetBytes), Math.Ceiling(writes / ReplicaSetWrites)));
        _decisions.Add(new DesignDecision(DesignAreas.Partitioning, "Sharding", $"{Shards} shards",
            $"{Bytes(bytes)} at the horizon / {Bytes(ReplicaSetBytes)} per replica set = {Number(bytes / (double)ReplicaSetBytes)}; {Number(writes)} writes/s / {Count((long)ReplicaSetWrites)} per primary = {Number(writes / ReplicaSetWrites)}; the larger, rounded up and at least 2, is {Shards}. Collections under {Bytes(ShardedCollectionBytes)} and {Count((long)ShardedCollectionWrites)} writes/s stay unsharded on the primary shard."));
        foreach (var (draft, size) in collections)
        {
            var collectionBytes = checked(size.DataBytesAtHorizon + size.IndexBytesAtHorizon);
            if (collectionBytes < ShardedCollectionBytes && Writes(draft) < ShardedCollectionWrites)
            {
                continue;
            }

            var key = Choose(draft, size);
            keys[draft.Name] = key;
            _decisions.Add(new DesignDecision(DesignAreas.Partitioning, draft.Name + " shard key", string.Join(", ", key.Keys) + (key.Hashed ? " (hashed)" : " (ranged)"),
                $"{Bytes(collectionBytes)} and {Number(Writes(draft))} writes/s at the horizon. {key.Reason}" + GeoNote(Spherical(draft) ? new[] { draft.Name } : Array.Empty<string>(), true)));
        }

        return keys;
    }

    private ShardKey Choose(CollectionDraft draft, DocumentSize size)
    {
        var documents = Math.Max(1, size.DocumentsAtHorizon);
        var tenant = draft.Fields.FirstOrDefault(f => f.Origin == FieldOrigin.Tenant);
        var perShard = Number(Writes(draft) / Shards);
        if (draft.Kind == CollectionKind.Bucket)
        {
            var parent = draft.Fields.First(f => f.Origin == FieldOrigin.Reference);
            var start = draft.Fields.First(f => f.Origin == FieldOrigin.Bucket && f.Type == DocumentValueType.Date);
            var cardinality = Cardinality(draft, parent.Name) ?? documents;
            var keys = Prefix(tenant, new DocumentIndexKey(parent.Name, IndexKeyKind.Ascending), new DocumentIndexKey(start.Name, IndexKeyKind.Ascending));
            return new ShardKey(keys,
                $"Ranged on the bucket's parent then start: {Count(cardinality)} distinct {parent.Name} values spread the writes (each parent writes to its own current bucket, about {perShard} writes/s per shard), the start keeps a parent's buckets in time order for range reads, and {Count(documents)} buckets / {Count(cardinality)} parents = {Count(documents / cardinality)} buckets of {Count(size.AverageBytes)} bytes per parent = {Bytes(documents / cardinality * size.AverageBytes)}, split by start across {Bytes(ChunkBytes)} ranges.");
        }

        var busiest = _requirement.AccessPatterns.Where(p => ImplicitColumns.SameKey(draft.Entity?.Name ?? draft.Name, p.Entity))
            .OrderByDescending(p => p.PerSecond ?? 0).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (Pattern: p, Field: p.Where.Select(draft.Field).OfType<DocumentField>().FirstOrDefault(f => f.Origin != FieldOrigin.Tenant))).FirstOrDefault(x => x.Field is not null);
        if (tenant is not null)
        {
            var second = busiest.Field is { } f && !Monotonic(f) ? f.Name : "_id";
            var keys = Prefix(tenant, new DocumentIndexKey(second, IndexKeyKind.Ascending));
            var tenants = _entities.FirstOrDefault(e => e.IsTenant)?.Documents.AtRetention ?? 0;
            return new ShardKey(keys,
                $"Ranged on the tenant key first: every query names its tenant, so it reaches one shard; {Count(tenants)} tenants alone would make chunks as large as a tenant, so {second} follows and splits a large tenant's {Count(documents / Math.Max(1, tenants))} documents (on average) into {Bytes(ChunkBytes)} ranges. Zones pin the key range of a large or regulated tenant to chosen shards.")
            { Zones = new[] { "large tenants: sh.updateZoneKeyRange over { tenant_id: T, MinKey } to { tenant_id: T, MaxKey }" } };
        }

        if (busiest.Field is { } field && !Monotonic(field) && Cardinality(draft, field.Name) is { } distinct && distinct >= MinimumCardinality)
        {
            var keys = new[] { new DocumentIndexKey(field.Name, IndexKeyKind.Ascending), new DocumentIndexKey("_id", IndexKeyKind.Ascending) };
            return new ShardKey(keys,
                $"Ranged on {field.Name}, which the busiest pattern '{busiest.Pattern.Name}' matches ({Number(busiest.Pattern.PerSecond ?? 0)}/s), so it reaches one shard: {Count(distinct)} distinct values (at least {Count(MinimumCardinality)} needed), {Count(documents / distinct)} documents per value ({Bytes(documents / distinct * size.AverageBytes)}, far below one {Bytes(ChunkBytes)} range), and not monotonic; _id follows so one busy value can still split.");
        }

        return new ShardKey(new[] { new DocumentIndexKey("_id", IndexKeyKind.Hashed) },
            $"Hashed on _id: no matched field has enough distinct values or it grows monotonically{(draft.Fields[0].Type == DocumentValueType.Uuid ? string.Empty : " (as sequential keys do)")}, so a ranged key would send every insert to the last range; hashing spreads {Count((long)(Writes(draft) * 86400))} inserts a day evenly, about {perShard} writes/s per shard, at the cost of scatter-gather for reads not by _id.");
    }

    private static bool Spherical(CollectionDraft draft) => draft.Indexes.Any(i => i.Keys.Any(k => k.Kind == IndexKeyKind.Spherical));

    /// <summary>What a 2dsphere index means for sharding, for the collections that have one.</summary>
    private static string GeoNote(IReadOnlyList<string> collections, bool sharded) => collections.Count == 0 ? string.Empty
        : (sharded ? " A 2dsphere index cannot be a shard key, so the key above is made of other fields"
            : $" A 2dsphere index cannot be a shard key: when {string.Join(", ", collections)} {(collections.Count == 1 ? "is" : "are")} sharded, the key is made of other fields")
          + "; $geoNear runs on a sharded collection, each shard returning its nearest documents for mongos to merge by distance.";

    private static DocumentIndexKey[] Prefix(DocumentField? tenant, params DocumentIndexKey[] keys) =>
        tenant is null ? keys : keys.Prepend(new DocumentIndexKey(tenant.Name, IndexKeyKind.Ascending)).ToArray();

    /// <summary>Values that rise with time (dates, sequential numbers) send every insert to the same range.</summary>
    private static bool Monotonic(DocumentField field) =>
        field.Type is DocumentValueType.Date or DocumentValueType.ObjectId || (field.Origin == FieldOrigin.Key && field.Type is DocumentValueType.Int64 or DocumentValueType.Int32);

    /// <summary>Distinct values of a field: its parent's documents for a reference, the collection's for a unique value, enum members; else unknown.</summary>
    private long? Cardinality(CollectionDraft draft, string field)
    {
        var relation = _relations.FirstOrDefault(r => r.Holder == draft.Name && r.Field == field && r.Link is DocumentLink.Reference);
        var parentName = relation?.From ?? (draft.Kind == CollectionKind.Bucket ? _relations.FirstOrDefault(r => r.Holder == draft.Name)?.From : null);
        if (parentName is not null)
        {
            return _entities.FirstOrDefault(e => ImplicitColumns.SameKey(e.Name, parentName))?.Documents.AtRetention is > 0 and var n ? n : null;
        }

        var value = draft.Field(field);
        if (value?.Rules.Enum.Count > 0)
        {
            return value.Rules.Enum.Count;
        }

        var unique = draft.Entity is { } entity && _requirement.FindEntity(entity.Name)?.Attributes.Any(a => a.Unique && MongoNames.Field(_requirement.Conventions.Naming, a.Name) == field) == true;
        return unique ? draft.Documents.AtRetention : null;
    }

    /// <summary>Writes a second the workload states: its TPS times its write share; 0 when either is unstated.</summary>
    public static double WorkloadWrites(DbRequirement requirement) =>
        requirement.Workload.Tps is { } tps && requirement.Workload.ReadWriteRatio is { } ratio ? tps * (1 - ratio.ReadFraction) : 0;

    /// <summary>Writes a second: inserts, and for a bucket every item it receives (an update).</summary>
    public static double Writes(CollectionDraft draft) =>
        (draft.Kind == CollectionKind.Bucket ? draft.Entity!.RowsPerDay ?? 0 : draft.InsertsPerDay) / 86400.0;

    private static string Bytes(long bytes) => Capacity.Bytes(bytes);
}
