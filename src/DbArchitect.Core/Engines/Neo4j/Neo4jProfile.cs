using DbArchitect.Core.Technology;

namespace DbArchitect.Core.Engines.Neo4j;

/// <summary>
/// How the technology ranking sees Neo4j: its fit for each kind of application, licence and connection handling, and
/// the reviewed, sourced facts its reasons quote.
/// </summary>
internal sealed class Neo4jProfile : EngineProfile
{
    public Neo4jProfile()
        : base("neo4j", "Neo4j", EngineFamily.Graph, new KindFit(oltp: -.5, analytics: -.5, mixed: -.5, timeSeries: -.75, document: -.25, graph: 1, keyValue: -.5))
    {
    }

    protected override IReadOnlyList<EngineFact> Stated { get; } = new EngineFact[]
    {
        new(Factor.Kind, .5, "a native graph database of nodes and relationships", "https://neo4j.com/docs/getting-started/graph-database/"),
        new(Factor.Graph, 1, "relationships are stored as records pointing at their nodes, so a traversal follows them without joins", "https://neo4j.com/docs/getting-started/graph-database/"),
        new(Factor.Relationships, .6, "a relationship always connects two existing nodes, but there are no referential actions such as cascading deletes", "https://neo4j.com/docs/cypher-manual/current/clauses/delete/"),
        new(Factor.Consistency, .75, "transactions are ACID", "https://neo4j.com/docs/operations-manual/current/database-internals/transaction-management/"),
        new(Factor.WriteIngest, .25, "each database has one writer in a cluster, the primary that leads its transactions", "https://neo4j.com/docs/operations-manual/current/clustering/introduction/"),
        new(Factor.TimeSeries, .1, "has no time partitioning or time-bucket rollups", "https://neo4j.com/docs/cypher-manual/current/values-and-types/temporal/"),
    };
}
