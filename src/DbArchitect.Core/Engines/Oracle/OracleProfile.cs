using DbArchitect.Core.Technology;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>
/// How the technology ranking sees Oracle Database: its fit for each kind of application, licence and connection handling, and
/// the reviewed, sourced facts its reasons quote.
/// </summary>
internal sealed class OracleProfile : EngineProfile
{
    public OracleProfile()
        : base("oracle", "Oracle Database", EngineFamily.Relational, new KindFit(oltp: 1, analytics: .25, mixed: .75, timeSeries: -.25, document: 0, graph: 0, keyValue: 0))
    {
        LicencePoints = -5;
        LicenceNote = "commercial licence priced per core, options extra";
        ComfortableConnections = 1000;
        Pooler = "Database Resident Connection Pooling (DRCP)";
    }

    protected override IReadOnlyList<EngineFact> Stated { get; } = new EngineFact[]
    {
        new(Factor.Kind, .5, "a commercial relational database", "https://docs.oracle.com/en/database/oracle/oracle-database/19/cncpt/introduction-to-oracle-database.html"),
        new(Factor.Relationships, 1, "referential integrity constraints with ON DELETE CASCADE or SET NULL", "https://docs.oracle.com/en/database/oracle/oracle-database/19/cncpt/data-integrity.html"),
        new(Factor.Joins, 1, "the optimizer chooses hash, sort-merge or nested-loop joins", "https://docs.oracle.com/en/database/oracle/oracle-database/19/tgsql/joins.html"),
        new(Factor.Consistency, 1, "ACID transactions with multiversion read consistency", "https://docs.oracle.com/en/database/oracle/oracle-database/19/cncpt/data-concurrency-and-consistency.html"),
        new(Factor.MultiTenancy, 1, "Virtual Private Database policies append a tenant predicate to every statement", "https://docs.oracle.com/en/database/oracle/oracle-database/19/dbseg/using-oracle-vpd-to-control-data-access.html"),
        new(Factor.Aggregates, .65, "the In-Memory column store (a separately licensed option) scans columns for analytic queries", "https://docs.oracle.com/en/database/oracle/oracle-database/19/inmem/intro-to-in-memory-column-store-architecture.html"),
        new(Factor.Search, .75, "Oracle Text CONTEXT indexes support word search with fuzzy matching", "https://docs.oracle.com/en/database/oracle/oracle-database/19/ccref/oracle-text-CONTAINS-query-operators.html"),
    };
}
