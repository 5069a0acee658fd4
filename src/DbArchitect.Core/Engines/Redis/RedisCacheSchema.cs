using DbArchitect.Core.Design;
using DbArchitect.Core.Model.KeyValue;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.Redis;

/// <summary>
/// Redis as a cache-aside layer in front of a relational primary: a key per cached answer (an entity by id, a page of
/// an access pattern by its parameters) holding the serialized result with a TTL; the application reads the key,
/// on a miss reads the primary and SETs the key; a write to the primary deletes the keys the row appears in (by its old
/// and new values). The expected hit ratio follows from the read/write ratio and the hot set.
/// </summary>
internal static class RedisCacheSchema
{
    /// <summary>Share of reads that go to the hottest fifth of the keys (a Pareto 80/20 assumption when nothing is measured).</summary>
    public const double HotReadShare = 0.8;

    /// <summary>Share of the keys that is hot.</summary>
    public const double HotKeyShare = 0.2;

    /// <summary>TTL of a cached answer: short enough that a missed invalidation heals quickly.</summary>
    public const long TtlSeconds = 300;

    public static (IReadOnlyList<KeyFamily> Families, IReadOnlyList<KeyQuery> Queries, double HitRatio) Plan(
        DbRequirement requirement, string prefix, IReadOnlyDictionary<string, RedisEntity> entities, List<DesignDecision> decisions)
    {
        var families = new List<KeyFamily>();
        var queries = new List<KeyQuery>();
        foreach (var pattern in requirement.AccessPatterns.Where(p => p.Search.Count == 0 && entities.ContainsKey(p.Entity)))
        {
            var entity = entities[pattern.Entity];
            var parameters = pattern.Where.Select(entity.Column).OfType<RedisColumn>().ToList();
            var slug = RedisKeys.Segment(Naming.Apply(NamingStyle.SnakeCase, pattern.Name));
            var tag = parameters.Count == 0 ? string.Empty : ":{" + string.Join(":", parameters.Select(p => RedisKeys.Placeholder(p.Field))) + "}";
            var family = new KeyFamily($"cache:{slug}", entity.Name, KeyFamilyPurpose.Cache, ValueStructure.String,
                $"{prefix}:cache:{slug}{tag}", parameters.Select(p => p.Field).ToArray(), Array.Empty<KeyField>(), null, null, Array.Empty<LexPart>(), TtlSeconds,
                $"Cache-aside for {pattern.Name}: GET; on a miss read the primary, then SET … EX {TtlSeconds}. A write of {entity.Name} DELs the key of its old and new {(parameters.Count == 0 ? "result" : string.Join(", ", parameters.Select(p => p.Field)))}.")
            {
                Serves = new[] { pattern.Name },
            };
            families.Add(family);
            queries.Add(new KeyQuery(pattern.Name, entity.Name, family.Name, KeyQueryKind.Cached, family.KeyColumns,
                new[]
                {
                    new KeyCommand(new[] { "GET", family.Pattern }, "hit: the serialized answer"),
                    new KeyCommand(new[] { "SET", family.Pattern, "<answer>", "EX", InvariantText.Integer(TtlSeconds) }, "on a miss, after reading the primary"),
                    new KeyCommand(new[] { "DEL", family.Pattern }, "on every write of a row with these values (old and new)"),
                },
                "Cache-aside: the primary answers misses; writes invalidate."));
        }

        var ratio = requirement.Workload.ReadWriteRatio;
        var readsPerWrite = ratio is null || ratio.Write == 0 ? 10 : (double)ratio.Read / ratio.Write;
        // Within the hot set a key is read readsPerWrite times between invalidations and the first read misses.
        var hit = HotReadShare * Math.Max(0, 1 - (1 / Math.Max(1, readsPerWrite)));
        decisions.Add(new DesignDecision(DesignAreas.Schema, "Cache hit ratio", InvariantText.Format($"about {hit * 100:0}%"),
            InvariantText.Format($"Reads:writes {(ratio is null ? "not stated (10:1 assumed)" : ratio.ToString())}: a hot key is read {readsPerWrite:0.#} times between the writes that invalidate it and the first read misses; {HotReadShare * 100:0}% of reads go to the hottest {HotKeyShare * 100:0}% of keys (assumed), which the cache holds; the rest mostly miss. Measure keyspace_hits/(hits+misses) and adjust the TTL.")));
        return (families, queries, hit);
    }
}
