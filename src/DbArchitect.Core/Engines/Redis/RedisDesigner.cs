using DbArchitect.Core.Design;
using DbArchitect.Core.Design.Families;
using DbArchitect.Core.Model.KeyValue;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.Redis;

/// <summary>
/// Designs Redis as the primary store (every entity in keys, indexes maintained on write, persistence from the RPO,
/// noeviction) or, with <see cref="CacheFor"/>, as a cache-aside layer in front of that engine (answers cached by
/// their parameters with TTLs, invalidation on write, LFU eviction, no persistence). The registry registers the
/// primary-store designer; an architecture's parts ask it, through <see cref="ForPart"/>, for the cache in front of
/// the primary and for the GEO set of live positions.
/// </summary>
public sealed class RedisDesigner : IFamilyDesigner, IPartDesigner
{
    public RedisDesigner(string? cacheFor = null) => CacheFor = cacheFor;

    /// <summary>The engine id of the primary store this cache fronts; null for Redis as the primary store.</summary>
    public string? CacheFor { get; }

    public string Id => "redis";

    public string DisplayName => "Redis 7.0";

    public Engines.EngineFamily Family => Engines.EngineFamily.KeyValue;

    public (IFamilyDesigner Designer, string Folder)? ForPart(string role, string primaryEngineId) => role switch
    {
        Technology.SupportingTechnologies.Cache => (new RedisDesigner(primaryEngineId), "redis-cache"),
        Technology.SupportingTechnologies.LivePositionsRole => (new RedisDesigner(), "redis-geo"),
        _ => null,
    };

    public FamilyDesign Design(DbRequirement requirement, List<DesignDecision> decisions, List<DesignWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(warnings);
        var cache = CacheFor is not null;
        // As a cache only the entities' columns of the primary-store plan are used, so only they are planned: the
        // store's families, queries, decisions and warnings (hashes, indexes, search postings) describe keys the cache
        // does not have.
        var schema = cache ? new RedisKeySchema(requirement, new List<DesignDecision>(), new List<DesignWarning>()) : new RedisKeySchema(requirement, decisions, warnings);
        IReadOnlyList<KeyFamily> families;
        IReadOnlyList<KeyQuery> queries;
        if (cache)
        {
            schema.PlanEntities();
            var planned = RedisCacheSchema.Plan(requirement, schema.Prefix, schema.Entities, decisions);
            (families, queries) = (planned.Families, planned.Queries);
        }
        else
        {
            (families, queries) = schema.Plan();
        }

        var tenants = requirement.FindEntity(EntityColumns.TenantEntityName)?.Rows ?? (requirement.Application.Tenancy == Tenancy.Multi ? RedisEntity.AssumedRows : 1);
        var retentionDays = requirement.Workload.Retention?.Days ?? 365.25 * 3;
        var sized = families.Select(f => cache ? CacheSize(f, schema.Entities[f.Entity]) : RedisSizing.Size(f, schema.Entities[f.Entity], schema.Entities, tenants, retentionDays)).ToList();
        var memory = RedisOperations.Memory(sized, cache);
        var operations = RedisOperations.Operations(requirement, queries, sized, schema.Entities);
        var topology = RedisOperations.Topology(requirement, memory, operations);
        var role = cache ? RedisOperations.CacheRole : RedisOperations.PrimaryRole;
        var model = new KeyValueModel(role, CacheFor, schema.Prefix, schema.Tags, sized, queries, memory, topology);
        decisions.AddRange(RedisOperations.Decisions(requirement, cache, memory, topology));
        var fsync = requirement.Operations.RpoMinutes is < 1.0 / 60 ? "always" : "everysec";
        if (!cache && memory.NodeMemoryBytes > 1024L * 1024 * 1024 * 1024)
        {
            warnings.Add(new DesignWarning(WarningSeverity.Warning, "Memory",
                $"Kept whole in Redis, the data needs {Capacity.Bytes(memory.NodeMemoryBytes)} of RAM at retention: keep only the recent window in Redis (shorter TTLs, trimmed streams) and the history in a store on disk."));
        }

        var entities = schema.Entities.Values.ToList();
        var files = new List<DesignFile>
        {
            new(RedisCommandsFile.Path, "redis-cli input: the design's encodings and one sample row through every key family", RedisCommandsFile.Text(model, cache ? Array.Empty<RedisEntity>() : entities, RedisConfFile.EncodingSettings)),
            new(RedisConfFile.Path, "redis.conf fragment: memory, eviction, persistence, encodings", RedisConfFile.Text(requirement.Application.Name, model, cache, fsync)),
        };
        if (!cache)
        {
            files.Add(new DesignFile(RedisScriptFile.Path, "Lua script that applies one write to every family atomically", RedisScriptFile.Text(requirement.Application.Name)));
        }

        return new RedisDesign(requirement, model, files, fsync);
    }

    private static KeyFamily CacheSize(KeyFamily family, RedisEntity entity)
    {
        // The hot share of the answers, each a serialized page of rows (a JSON object per row of the entity's typical width).
        var rowBytes = entity.Columns.Sum(c => c.Bytes + c.Field.Length + 6);
        var keys = Math.Max(1, (long)(entity.RowsToday * RedisCacheSchema.HotKeyShare));
        var keyBytes = family.Pattern.Length;
        var usage = RedisMemory.KeyOverhead(keyBytes) + RedisMemory.StringValue(rowBytes, false);
        var table = RedisMemory.TableBytesPerKey(keys, true);
        return family with
        {
            Size = new KeyFamilySize(keys, keys, 1, keyBytes, rowBytes, rowBytes <= 44 ? "embstr" : "raw", usage, table, checked(keys * (usage + table)), checked(keys * (usage + table)),
                $"the hottest {RedisCacheSchema.HotKeyShare * 100:0}% of {entity.Name}'s rows, one serialized answer each"),
        };
    }
}
