using DbArchitect.Core.Technology;

namespace DbArchitect.Core.Engines.Neptune;

/// <summary>
/// How the technology ranking sees Amazon Neptune: its fit for each kind of application, licence and connection handling, and
/// the reviewed, sourced facts its reasons quote.
/// </summary>
internal sealed class NeptuneProfile : EngineProfile
{
    public NeptuneProfile()
        : base("neptune", "Amazon Neptune", EngineFamily.Graph, new KindFit(oltp: -.5, analytics: -.5, mixed: -.5, timeSeries: -.75, document: -.25, graph: 1, keyValue: -.5))
    {
        LicencePoints = -2;
        LicenceNote = "runs only as an AWS managed service";
    }

    protected override IReadOnlyList<EngineFact> Stated { get; } = new EngineFact[]
    {
        new(Factor.Kind, .5, "a managed graph database queried with Gremlin or openCypher (property graphs) and SPARQL (RDF)", "https://docs.aws.amazon.com/neptune/latest/userguide/access-graph-queries.html"),
        new(Factor.Graph, 1, "a purpose-built graph engine that stores billions of relationships and traverses them in milliseconds", "https://docs.aws.amazon.com/neptune/latest/apiref/Welcome.html"),
        new(Factor.Consistency, .75, "enforces ACID transactions with defined isolation levels for read-only and mutation queries", "https://docs.aws.amazon.com/neptune/latest/userguide/transactions-neptune.html"),
        new(Factor.WriteIngest, .25, "a cluster has one primary instance that makes every change; its up to 15 reader instances only read", "https://docs.aws.amazon.com/neptune/latest/userguide/aurora-replicas-adding.html"),
    };
}
