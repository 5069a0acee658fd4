using DbArchitect.Core.Technology;

namespace DbArchitect.Core.Engines.Cassandra;

/// <summary>
/// How the technology ranking sees Apache Cassandra: its fit for each kind of application, licence and connection handling, and
/// the reviewed, sourced facts its reasons quote.
/// </summary>
internal sealed class CassandraProfile : EngineProfile
{
    public CassandraProfile()
        : base("cassandra", "Apache Cassandra", EngineFamily.WideColumn, new KindFit(oltp: -.25, analytics: -.5, mixed: -.25, timeSeries: .5, document: 0, graph: -.75, keyValue: .5))
    {
    }

    protected override IReadOnlyList<EngineFact> Stated { get; } = new EngineFact[]
    {
        new(Factor.Kind, .5, "a masterless wide-column store replicated across a ring of nodes", "https://cassandra.apache.org/doc/latest/cassandra/architecture/overview.html"),
        new(Factor.Relationships, 0, "has no foreign keys: each query gets its own denormalised table", "https://cassandra.apache.org/doc/latest/cassandra/developing/data-modeling/intro.html"),
        new(Factor.Joins, 0, "CQL has no joins", "https://cassandra.apache.org/doc/latest/cassandra/developing/cql/dml.html"),
        new(Factor.Consistency, .1, "lightweight transactions (Paxos) cover one partition; there are no multi-partition ACID transactions", "https://cassandra.apache.org/doc/latest/cassandra/architecture/guarantees.html"),
        new(Factor.WriteIngest, 1, "every node accepts writes, appended to a commit log and a memtable", "https://cassandra.apache.org/doc/latest/cassandra/architecture/storage-engine.html"),
        new(Factor.Volume, 1, "data is partitioned over the token ring, so added nodes add capacity", "https://cassandra.apache.org/doc/latest/cassandra/architecture/dynamo.html"),
        new(Factor.Throughput, 1, "throughput grows as nodes are added, with no single coordinator", "https://cassandra.apache.org/_/cassandra-basics.html"),
        new(Factor.Aggregates, .1, "GROUP BY is limited to partition and clustering key columns", "https://cassandra.apache.org/doc/latest/cassandra/developing/cql/dml.html#group-by"),
    };
}
