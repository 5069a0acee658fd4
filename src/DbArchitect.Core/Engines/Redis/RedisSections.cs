using DbArchitect.Core.Design;
using DbArchitect.Core.Export;
using DbArchitect.Core.Model.KeyValue;
using DbArchitect.Core.Requirements;
using static DbArchitect.Core.Export.MarkdownText;

namespace DbArchitect.Core.Engines.Redis;

/// <summary>The body of each design.md section of a Redis design; every value from the requirements is Markdown-escaped.</summary>
internal static class RedisSections
{
    public static void Write(string area, MarkdownBuilder md, RedisDesign design, DbRequirement requirement)
    {
        var model = design.KeyValue;
        switch (area)
        {
            case DesignAreas.Schema:
                Schema(md, model);
                break;
            case DesignAreas.Indexing:
                Indexing(md, model, design.IsCache);
                break;
            case DesignAreas.Partitioning:
                md.Paragraph(Escape($"Redis Cluster spreads keys over 16,384 hash slots by CRC16 of the key's hash tag. Tags: {model.TagScheme}. "
                    + "A multi-key command or script (SINTER, the write script) must name keys of one slot; the tags above make every such call single-slot. "
                    + (model.Topology.Shards > 1
                        ? $"{model.Topology.Shards} shards hold about {Capacity.Bytes(model.Topology.MemoryPerShardBytes)} each; slots move between shards online (redis-cli --cluster reshard)."
                        : "One shard holds everything today; the tags already let the keys be spread when the roadmap adds shards.")
                    + " Table partitioning does not apply: there are no tables, and expiry (TTL) or trimming replaces dropping old partitions."));
                break;
            case DesignAreas.QueryOptimization:
                Queries(md, model);
                break;
            case DesignAreas.PerformanceTuning:
                Memory(md, model);
                Config(md, model, design);
                break;
            case DesignAreas.DataMigration:
                md.Paragraph(Escape("Initial load: stream rows through the write path (redis/index-maintenance.lua, EVALSHA per row, pipelined) so every index, lookup and counter is built as on a live write; for a bulk load, generate the commands and feed them to redis-cli --pipe, then verify counts with SCAN … TYPE per family. "
                    + "Schema changes: a new hash field needs no migration (absent fields read as missing); a new index family is backfilled by a job that SCANs the entity keys (MATCH on the family's pattern, COUNT 1000) and runs the write script per row; a renamed key pattern is written under both names until readers switch, then the old keys are unlinked in batches (UNLINK frees memory off the main thread)."));
                break;
            case DesignAreas.BackupAndRecovery:
                md.Paragraph(Escape(design.IsCache
                    ? "The cache holds no data of its own: after a restart it starts empty and fills from the primary store on the first misses (warm it with the hottest keys when the cold start's miss storm matters)."
                    : $"AOF with appendfsync {design.Fsync} keeps acknowledged writes; BGSAVE snapshots (RDB) every hour are copied off the host with their checksum (redis-check-rdb) and kept for the retention of backups. Restore: stop the node, put the RDB (and AOF directory) in place, start it; a replica promoted by Sentinel or the cluster covers the loss of a node without a restore. Test a restore monthly into a scratch instance and compare DBSIZE and INFO keyspace."));
                break;
            case DesignAreas.MonitoringAndMaintenance:
                md.Paragraph(Escape("Watch INFO memory (used_memory against maxmemory, mem_fragmentation_ratio above 1.5), INFO stats (instantaneous_ops_per_sec, keyspace_hits/keyspace_misses, evicted_keys — must stay 0 for a primary store, expired_keys), INFO persistence (aof_last_write_status, rdb_last_bgsave_status, aof_rewrite_in_progress), INFO replication (master_link_status, lag), SLOWLOG GET (commands over slowlog-log-slower-than 10 ms), LATENCY DOCTOR, and MEMORY USAGE of a sample key per family against this design's figures. Maintenance: trim feeds and time indexes past retention (XTRIM MINID, ZREMRANGEBYSCORE) daily; rebuild the term dictionary of a search family monthly; redis-cli --bigkeys weekly to find keys that outgrew their encoding."));
                break;
            case DesignAreas.Security:
                md.Paragraph(Escape("ACL users instead of the default user (user default off): an application user limited to the key prefix (~"
                    + model.KeyPrefix + ":*) and the write-path commands plus reads (+@read +@write +evalsha -@dangerous), a read-only reporting user (+@read), and an administrator for CONFIG, ACL and cluster commands from the operations network only. TLS (tls-port) between clients and nodes and between replicas; bind to private addresses with protected-mode on; no FLUSHALL/KEYS/DEBUG for application users."));
                break;
            case DesignAreas.ScalabilityRoadmap:
                md.Paragraph(Escape($"Today: {model.Topology.Mode}. {model.Topology.Reason} Grow by adding shards when used_memory passes 70% of maxmemory or a shard passes {InvariantText.Number(RedisOperations.OperationsPerShard * 0.7)} ops/s; move slots online. Read-heavy patterns can read from replicas (READONLY) where slightly stale results are acceptable."));
                break;
            default:
                break;
        }
    }

    private static void Schema(MarkdownBuilder md, KeyValueModel model)
    {
        md.Paragraph(Escape($"Role: {model.Role}{(model.SourceOfTruth is { } s ? " in front of " + s : string.Empty)}. Keys start with {model.KeyPrefix}: and follow app:entity:{{id}}; {model.TagScheme}."));
        md.Line(Row("Family", "Structure", "Key pattern", "Purpose", "TTL", "Why"));
        md.Line(Row("---", "---", "---", "---", "---", "---"));
        foreach (var f in model.Families)
        {
            md.Line(Row(Cell(f.Name), Cell(StructureText(f.Structure)), Cell(f.Pattern), Cell(f.Purpose.ToString().ToLowerInvariant()),
                f.TtlSeconds is { } t ? Number(t / 86_400) + " d" : "–", Cell(f.Reason)));
        }

        md.EndBlock();
        foreach (var f in model.Families.Where(f => f.Fields.Count > 0))
        {
            md.Paragraph(Escape($"{f.Name} fields: " + string.Join(", ", f.Fields.Select(x => $"{x.Name} ({x.Type}, ~{x.Bytes} B)")) + "."));
        }
    }

    private static void Indexing(MarkdownBuilder md, KeyValueModel model, bool cache)
    {
        md.Paragraph(Escape(cache
            ? "A cache keeps no indexes of its own: every cached answer is a key of its own, found by its parameters."
            : "Every derived family is maintained on write by redis/index-maintenance.lua: one EVALSHA per row writes the hash, checks and sets unique lookups (refusing a taken value), adds the index, membership, word and counter entries, and — for an update — first checks the row is unchanged since it was read and removes the old entries. The script runs atomically (no other command runs in between), so readers never see a row without its index entries. Where the keys of one write do not share a hash slot in a cluster (single-tenant designs), the entity's own keys are written by the script and its index entries in the same pipeline right after; every command is idempotent, so a retry repairs a partial write."));
        md.Line(Row("Family", "Structure", "Members", "Order", "Serves"));
        md.Line(Row("---", "---", "---", "---", "---"));
        foreach (var f in model.Families.Where(f => f.Purpose is KeyFamilyPurpose.Index or KeyFamilyPurpose.Lookup or KeyFamilyPurpose.Membership or KeyFamilyPurpose.Search or KeyFamilyPurpose.Location))
        {
            var order = f.ScoreColumn is { } s ? "score " + s : f.Lex.Count > 0 ? "bytewise: " + string.Join(", ", f.Lex.Select(l => l.Column + (l.Descending ? " desc" : string.Empty))) : "none";
            md.Line(Row(Cell(f.Name), Cell(StructureText(f.Structure)), Cell(f.MemberColumn), Cell(order), Cell(string.Join("; ", f.Serves))));
        }

        md.EndBlock();
    }

    private static void Queries(MarkdownBuilder md, KeyValueModel model)
    {
        foreach (var q in model.Queries)
        {
            md.Paragraph(Escape($"{q.AccessPattern} ({q.Entity}, family {q.Family}): {q.Explanation}"));
            md.Line("```text");
            foreach (var c in q.Commands)
            {
                md.Line(CodeLine(string.Join(" ", c.Words) + (c.Note.Length > 0 ? "   # " + c.Note : string.Empty)));
            }

            md.Line("```");
            md.EndBlock();
        }
    }

    /// <summary>A line inside a fenced block: one line, and a run of backticks cannot close the fence.</summary>
    private static string CodeLine(string text) => (CommentText.OneLine(text) ?? string.Empty).Replace("```", "'''", StringComparison.Ordinal);

    private static void Memory(MarkdownBuilder md, KeyValueModel model)
    {
        md.Paragraph(Escape($"Memory per key family (Redis 7.0, 64-bit, jemalloc): per key a keyspace dictEntry (32 B), the key's SDS string, a 16-byte robj and 8–16 B of hash-table bucket (plus an expires entry with a TTL); values in their compact encodings while small — listpack hashes up to hash-max-listpack-entries 128 fields of ≤ 64 bytes, listpack sorted sets up to 128 members, intsets up to 512 integers — and hashtable/skiplist above (dictEntry per element, skiplist nodes of 1.33 levels); every allocation rounded to its jemalloc size class. Widths are the typical values of each type. Rows fall on a key's possible values at random: only the values some row hits become keys (a foreign key's index has a key per parent that has children), and the elements of a key scatter around their mean (Poisson), so near an encoding limit the share of keys past it is counted at the larger encoding. A JSON filter's index assumes {RedisSizing.JsonPairsPerDocument} top-level pairs per document out of {RedisSizing.AssumedJsonPairs} distinct pairs; a text holds a word per {RedisKeySchema.WordBytes} bytes."));
        md.Line(Row("Family", "Encoding", "Keys today", "Elements/key", "Bytes/key", "Today", "Keys at retention", "At retention"));
        md.Line(Row("---", "---", "---:", "---:", "---:", "---:", "---:", "---:"));
        foreach (var f in model.Families.Where(f => f.Size is not null))
        {
            var s = f.Size!;
            md.Line(Row(Cell(f.Name), Cell(s.Encoding), Number(s.KeysToday), Number(s.ElementsPerKey), Number(s.UsageBytesPerKey + s.TableBytesPerKey),
                Escape(Capacity.Bytes(s.BytesToday)), Number(s.KeysAtRetention), Escape(Capacity.Bytes(s.BytesAtRetention))));
        }

        md.EndBlock();
        var m = model.Memory;
        md.Paragraph(Escape($"Total data: {Capacity.Bytes(m.DataBytesToday)} today, {Capacity.Bytes(m.DataBytesAtRetention)} at retention; maxmemory {Capacity.Bytes(m.MaxMemoryBytes)} ({m.Basis}); RAM {Capacity.Bytes(m.NodeMemoryBytes)} in all. Load: about {InvariantText.Number(model.Topology.OperationsPerSecond)} commands per second."));
    }

    private static void Config(MarkdownBuilder md, KeyValueModel model, RedisDesign design)
    {
        md.Paragraph(Escape("redis/redis.conf sets:"));
        foreach (var (name, value, why) in RedisConfFile.Settings(model, design.IsCache, design.Fsync))
        {
            md.Bullet(Escape($"{name} {value} — {why}"));
        }

        md.EndBlock();
    }

    private static string StructureText(ValueStructure structure) => structure switch
    {
        ValueStructure.SortedSet => "sorted set",
        _ => structure.ToString().ToLowerInvariant(),
    };
}
