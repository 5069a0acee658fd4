using DbArchitect.Core.Technology;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// How the technology ranking sees SQL Server: its fit for each kind of application, licence and connection handling, and
/// the reviewed, sourced facts its reasons quote.
/// </summary>
internal sealed class SqlServerProfile : EngineProfile
{
    public SqlServerProfile()
        : base("sqlserver", "SQL Server", EngineFamily.Relational, new KindFit(oltp: 1, analytics: .25, mixed: .75, timeSeries: -.25, document: 0, graph: 0, keyValue: 0))
    {
        LicencePoints = -4;
        LicenceNote = "commercial licence priced per core";
        ComfortableConnections = 1000;
    }

    protected override IReadOnlyList<EngineFact> Stated { get; } = new EngineFact[]
    {
        new(Factor.Kind, .5, "Microsoft's relational database", "https://learn.microsoft.com/en-us/sql/sql-server/what-is-sql-server"),
        new(Factor.Relationships, 1, "FOREIGN KEY constraints with cascading referential actions", "https://learn.microsoft.com/en-us/sql/relational-databases/tables/primary-and-foreign-key-constraints"),
        new(Factor.Joins, 1, "the optimizer picks nested loops, merge, hash or adaptive joins", "https://learn.microsoft.com/en-us/sql/relational-databases/performance/joins"),
        new(Factor.Consistency, 1, "ACID transactions with snapshot and serializable isolation levels", "https://learn.microsoft.com/en-us/sql/t-sql/statements/set-transaction-isolation-level-transact-sql"),
        new(Factor.MultiTenancy, 1, "Row-Level Security policies apply an inline predicate function to every query", "https://learn.microsoft.com/en-us/sql/relational-databases/security/row-level-security"),
        new(Factor.Aggregates, .65, "columnstore indexes with batch-mode execution speed up large aggregates", "https://learn.microsoft.com/en-us/sql/relational-databases/indexes/columnstore-indexes-overview"),
        new(Factor.Search, .65, "Full-Text Search indexes words and their inflections (not fuzzy matches)", "https://learn.microsoft.com/en-us/sql/relational-databases/search/full-text-search"),
    };
}
