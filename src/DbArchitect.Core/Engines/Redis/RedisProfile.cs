using DbArchitect.Core.Technology;

namespace DbArchitect.Core.Engines.Redis;

/// <summary>
/// How the technology ranking sees Redis: its fit for each kind of application, licence and connection handling, and
/// the reviewed, sourced facts its reasons quote.
/// </summary>
internal sealed class RedisProfile : EngineProfile
{
    public RedisProfile()
        : base("redis", "Redis", EngineFamily.KeyValue, new KindFit(oltp: -.5, analytics: -1, mixed: -.75, timeSeries: -.25, document: -.25, graph: -.5, keyValue: 1))
    {
    }

    /// <summary>What it serves beside another primary store.</summary>
    public override IReadOnlyCollection<string> SupportingRoles { get; } = new[] { SupportingTechnologies.LivePositionsRole, SupportingTechnologies.Cache };

    protected override IReadOnlyList<EngineFact> Stated { get; } = new EngineFact[]
    {
        new(Factor.Kind, .5, "an in-memory data structure server", "https://redis.io/docs/latest/develop/get-started/"),
        new(Factor.Relationships, 0, "stores keys and data structures with no relations or constraints between them", "https://redis.io/docs/latest/develop/data-types/"),
        new(Factor.KeyLookups, 1, "GET and HGET read a key from memory in constant time", "https://redis.io/docs/latest/commands/get/"),
        new(Factor.Latency, 1, "answers from memory, typically in well under a millisecond", "https://redis.io/docs/latest/operate/oss_and_stack/management/optimization/latency/"),
        new(Factor.Throughput, 1, "Redis Cluster shards keys over hash slots on many nodes", "https://redis.io/docs/latest/operate/oss_and_stack/management/scaling/"),
        new(Factor.Volume, 0, "the whole data set must fit in memory", "https://redis.io/docs/latest/operate/oss_and_stack/management/optimization/memory-optimization/"),
        new(Factor.Consistency, .25, "MULTI/EXEC runs commands in isolation but does not roll back", "https://redis.io/docs/latest/develop/interact/transactions/"),
        new(Factor.MultiTenancy, 0, "ACL rules restrict commands and key patterns, not rows of a tenant", "https://redis.io/docs/latest/operate/oss_and_stack/management/security/acl/"),
    };
}
