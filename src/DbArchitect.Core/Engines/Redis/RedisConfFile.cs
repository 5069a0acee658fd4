using DbArchitect.Core.Model.KeyValue;

namespace DbArchitect.Core.Engines.Redis;

/// <summary>redis/redis.conf: the settings the design decided, as a fragment to include in each node's redis.conf.</summary>
internal static class RedisConfFile
{
    public const string Path = "redis/redis.conf";

    /// <summary>The memory-model settings (the encodings the estimate assumes), also applied by commands.redis.</summary>
    public static IReadOnlyList<(string Name, string Value)> EncodingSettings { get; } = new[]
    {
        ("hash-max-listpack-entries", RedisMemory.HashListpackEntries.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("hash-max-listpack-value", RedisMemory.HashListpackValue.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("zset-max-listpack-entries", RedisMemory.ZsetListpackEntries.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("zset-max-listpack-value", RedisMemory.ZsetListpackValue.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("set-max-intset-entries", RedisMemory.SetIntsetEntries.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("stream-node-max-entries", RedisMemory.StreamNodeEntries.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("stream-node-max-bytes", RedisMemory.StreamNodeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    };

    public static IReadOnlyList<(string Name, string Value, string Why)> Settings(KeyValueModel model, bool cache, string fsync)
    {
        var list = new List<(string, string, string)>
        {
            ("maxmemory", InvariantText.Integer(model.Topology.MemoryPerShardBytes), "per shard: the data at " + (cache ? "its hot set" : "retention") + " with fragmentation"),
            ("maxmemory-policy", cache ? "allkeys-lfu" : "noeviction", cache ? "a cache keeps the most used keys" : "a primary store never drops data"),
            ("appendonly", cache ? "no" : "yes", cache ? "a cache is rebuilt from its source" : "every write is logged"),
        };
        if (!cache)
        {
            list.Add(("appendfsync", fsync, "from the RPO"));
            list.Add(("aof-use-rdb-preamble", "yes", "AOF rewrites start with a compact snapshot"));
        }

        list.Add(("save", cache ? "\"\"" : "3600 1 300 100", cache ? "no snapshots" : "snapshots for backups and fast restarts"));
        list.AddRange(EncodingSettings.Select(s => (s.Name, s.Value, "the encodings the memory estimate assumes")));
        list.Add(("lazyfree-lazy-user-del", "yes", "deleting a large key does not block the server"));
        list.Add(("activedefrag", "yes", "returns fragmented memory in the background"));
        if (model.Topology.Shards > 1)
        {
            list.Add(("cluster-enabled", "yes", $"{model.Topology.Shards} shards"));
            list.Add(("cluster-require-full-coverage", "no", "a failed shard does not stop reads of the others"));
        }

        return list;
    }

    public static string Text(string application, KeyValueModel model, bool cache, string fsync)
    {
        var lines = new List<string> { CommentText.Hash("Redis 7.0 settings of the " + application + " design (" + model.Role + ").") };
        foreach (var (name, value, why) in Settings(model, cache, fsync))
        {
            lines.Add("# " + why);
            lines.Add(name + " " + value);
        }

        return string.Join("\n", lines) + "\n";
    }
}
