using DbArchitect.Core.Technology;

namespace DbArchitect.Core.Engines.MongoDb;

/// <summary>
/// How the technology ranking sees MongoDB: its fit for each kind of application, licence and connection handling, and
/// the reviewed, sourced facts its reasons quote.
/// </summary>
internal sealed class MongoDbProfile : EngineProfile
{
    public MongoDbProfile()
        : base("mongodb", "MongoDB", EngineFamily.Document, new KindFit(oltp: .25, analytics: -.25, mixed: .25, timeSeries: .25, document: 1, graph: -.25, keyValue: .25))
    {
    }

    protected override IReadOnlyList<EngineFact> Stated { get; } = new EngineFact[]
    {
        new(Factor.Kind, .5, "a document database storing BSON documents in collections", "https://www.mongodb.com/docs/manual/introduction/"),
        new(Factor.Relationships, .25, "references between documents are not checked by the server (there are no foreign keys)", "https://www.mongodb.com/docs/manual/data-modeling/concepts/embedding-vs-references/"),
        new(Factor.Joins, .3, "$lookup joins collections inside an aggregation pipeline, which costs more than embedding", "https://www.mongodb.com/docs/manual/reference/operator/aggregation/lookup/"),
        new(Factor.Consistency, .6, "multi-document transactions exist, but single-document writes are the atomic unit it is designed around", "https://www.mongodb.com/docs/manual/core/transactions/"),
        new(Factor.Documents, 1, "documents nest objects and arrays, with indexes on any field path and JSON Schema validation", "https://www.mongodb.com/docs/manual/core/document/"),
        new(Factor.WriteIngest, .75, "sharding spreads writes across shards by shard key", "https://www.mongodb.com/docs/manual/sharding/"),
        new(Factor.Volume, .7, "a sharded cluster splits collections into ranges held by different shards", "https://www.mongodb.com/docs/manual/core/sharded-cluster-components/"),
        new(Factor.Concurrency, .75, "WiredTiger uses document-level concurrency control for writes", "https://www.mongodb.com/docs/manual/core/wiredtiger/"),
    };
}
