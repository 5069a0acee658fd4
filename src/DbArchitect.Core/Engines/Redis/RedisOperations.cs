using DbArchitect.Core.Design;
using DbArchitect.Core.Model.KeyValue;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.Redis;

/// <summary>Persistence from the RPO, eviction from the role, memory with headroom, and shards from memory and operations per second.</summary>
internal static class RedisOperations
{
    /// <summary>Usable data per shard: larger shards take minutes to resynchronise a replica or reload after a restart.</summary>
    public const long ShardDataLimitBytes = 25L * 1024 * 1024 * 1024;

    /// <summary>Simple commands per second one Redis process serves comfortably (one thread runs commands; half of ~100,000).</summary>
    public const double OperationsPerShard = 50_000;

    /// <summary>Allocator fragmentation assumed on top of the data (mem_fragmentation_ratio around 1.1–1.2 in steady state).</summary>
    public const double Fragmentation = 1.15;

    /// <summary>Share of a node's memory kept free for the copy-on-write of BGSAVE/AOF rewrite forks and replication buffers.</summary>
    public const double ForkHeadroom = 0.25;

    public const string PrimaryRole = "primary store";
    public const string CacheRole = "cache";

    public static KeyValueMemory Memory(IReadOnlyList<KeyFamily> families, bool cache)
    {
        var today = families.Sum(f => f.Size?.BytesToday ?? 0);
        var atRetention = families.Sum(f => f.Size?.BytesAtRetention ?? 0);
        var max = checked((long)Math.Ceiling((cache ? today : atRetention) * Fragmentation));
        var node = checked((long)Math.Ceiling(max / (1 - (cache ? 0.1 : ForkHeadroom))));
        return new KeyValueMemory(today, atRetention, Fragmentation, cache ? 0.1 : ForkHeadroom, max, node,
            $"data by the key families' memory model, ×{InvariantText.Number(Fragmentation)} for allocator fragmentation; the node keeps {InvariantText.Number((cache ? 0.1 : ForkHeadroom) * 100)}% free for {(cache ? "client buffers" : "the copy-on-write of persistence forks and replication buffers")}");
    }

    public static KeyValueTopology Topology(DbRequirement requirement, KeyValueMemory memory, double operations)
    {
        var byMemory = (int)Math.Max(1, Math.Ceiling((double)memory.MaxMemoryBytes / ShardDataLimitBytes));
        var byOps = (int)Math.Max(1, Math.Ceiling(operations / OperationsPerShard));
        var shards = Math.Max(byMemory, byOps);
        var replicas = 1;
        var mode = shards == 1 ? "one primary with a replica, failover by Sentinel" : $"Redis Cluster of {shards} primaries, one replica each";
        return new KeyValueTopology(shards, replicas, operations, operations / shards, memory.MaxMemoryBytes / shards, mode,
            $"{InvariantText.Number(operations)} ops/s need {byOps} shard(s) at {InvariantText.Number(OperationsPerShard)} ops/s each; {Capacity.Bytes(memory.MaxMemoryBytes)} of maxmemory needs {byMemory} at {Capacity.Bytes(ShardDataLimitBytes)} each; a replica per shard for failover and read scaling.");
    }

    /// <summary>Commands per second: each pattern's reads (a page of ids fetches every id) and each row written in every family that holds it.</summary>
    public static double Operations(DbRequirement requirement, IReadOnlyList<KeyQuery> queries, IReadOnlyList<KeyFamily> families, IReadOnlyDictionary<string, RedisEntity> entities)
    {
        // Keyed once (the first query of a pattern, the families of an entity): a look-up per pattern and entity over all
        // of them made large designs quadratic.
        var firstQuery = new Dictionary<string, KeyQuery>(StringComparer.Ordinal);
        foreach (var query in queries)
        {
            firstQuery.TryAdd(query.AccessPattern, query);
        }

        var familiesOf = families.GroupBy(f => f.Entity, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        double reads = 0;
        foreach (var pattern in requirement.AccessPatterns)
        {
            var query = firstQuery.GetValueOrDefault(pattern.Name);
            var perRead = query is null ? 1 : query.Commands.Count + (query.FetchFamily is null ? 0 : (query.Limit ?? 20) - 1);
            reads += (pattern.PerSecond ?? 1) * perRead;
        }

        double writes = 0;
        foreach (var spec in requirement.Entities)
        {
            var perRow = Math.Max(1, familiesOf.GetValueOrDefault(spec.Name));
            writes += (spec.RowsPerDay ?? 0) / 86_400.0 * perRow;
        }

        var tps = requirement.Workload.Tps ?? 0;
        return Math.Max(reads + writes, tps);
    }

    public static IEnumerable<DesignDecision> Decisions(DbRequirement requirement, bool cache, KeyValueMemory memory, KeyValueTopology topology)
    {
        var rpo = requirement.Operations.RpoMinutes;
        if (cache)
        {
            yield return new DesignDecision(DesignAreas.BackupAndRecovery, "Persistence", "None (appendonly no, save \"\")",
                "A cache is rebuilt from the primary store: persisting it costs fork memory and disk for data that is never the only copy.");
            yield return new DesignDecision(DesignAreas.PerformanceTuning, "Eviction", "maxmemory-policy allkeys-lfu",
                "A cache keeps what is read most: LFU keeps a hot set through a scan of cold keys, which LRU would let flush it; every key also has a TTL.");
        }
        else
        {
            var (fsync, why) = rpo switch
            {
                null => ("appendfsync everysec", "no RPO is stated; everysec loses at most about a second of writes, the usual balance"),
                < 1.0 / 60 => ("appendfsync always", $"an RPO of {InvariantText.Number(rpo.Value * 60)} s allows no lost acknowledged write: every write is fsynced (several times slower writes)"),
                _ => ("appendfsync everysec", $"an RPO of {InvariantText.Number(rpo.Value)} min is far above the ≤ 2 s everysec may lose"),
            };
            yield return new DesignDecision(DesignAreas.BackupAndRecovery, "Persistence", "AOF (appendonly yes, " + fsync + ") with RDB snapshots",
                $"Redis is the primary store: {why}. RDB snapshots (save 3600 1 300 100) give compact backups and a faster restart; aof-use-rdb-preamble keeps rewrites small.");
            yield return new DesignDecision(DesignAreas.PerformanceTuning, "Eviction", "maxmemory-policy noeviction",
                "A primary store must never drop data to make room: at maxmemory writes fail loudly instead, and the memory alerts fire long before.");
        }

        yield return new DesignDecision(DesignAreas.PerformanceTuning, "Memory", Capacity.Bytes(memory.MaxMemoryBytes) + " maxmemory",
            $"{Capacity.Bytes(cache ? memory.DataBytesToday : memory.DataBytesAtRetention)} of data {(cache ? "(the hot set)" : "at retention")}; {memory.Basis}: nodes of {Capacity.Bytes(memory.NodeMemoryBytes / topology.Shards)} RAM per shard.");
        yield return new DesignDecision(DesignAreas.ScalabilityRoadmap, "Topology", topology.Mode, topology.Reason);
        yield return new DesignDecision(DesignAreas.Partitioning, "Key distribution", topology.Shards > 1 ? $"{topology.Shards} shards by hash slot" : "One shard; keys tagged for later sharding",
            "Redis Cluster places a key by the CRC16 of its hash tag modulo 16,384 slots; the tags keep each multi-key call in one slot.");
        yield return new DesignDecision(DesignAreas.DataMigration, "Initial load", cache ? "None: the cache fills on misses" : "Through the write script, pipelined",
            cache ? "A cache-aside layer starts empty; the first read of each key loads it." : "Loading each row through the same script as live writes builds every lookup, index and counter with it.");
        yield return new DesignDecision(DesignAreas.MonitoringAndMaintenance, "Memory watch", "used_memory against maxmemory, evicted_keys, fragmentation",
            cache ? "A cache's hit ratio and evictions show whether its memory is enough." : "A primary store at maxmemory refuses writes (noeviction): alert at 70 % and 85 %.");
        yield return new DesignDecision(DesignAreas.Security, "Access", "ACL users per role, TLS, protected mode",
            "The default user is disabled; each application role gets only the key prefix and commands it needs.");
    }
}
