using DbArchitect.Core.Technology;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// How the technology ranking sees PostgreSQL: its fit for each kind of application, licence and connection handling, and
/// the reviewed, sourced facts its reasons quote.
/// </summary>
internal sealed class PostgreSqlProfile : EngineProfile
{
    /// <summary>The pooler PostgreSQL and the engines built on it are paired with.</summary>
    internal const string PgBouncer = "PgBouncer in transaction mode";

    public PostgreSqlProfile()
        : base("postgresql", "PostgreSQL", EngineFamily.Relational, new KindFit(oltp: 1, analytics: 0, mixed: .75, timeSeries: 0, document: .25, graph: 0, keyValue: 0))
    {
        ComfortableConnections = 200;
        Pooler = PgBouncer;
    }

    protected override IReadOnlyList<EngineFact> Stated { get; } = new EngineFact[]
    {
        new(Factor.Kind, .5, "a general-purpose relational database", "https://www.postgresql.org/about/"),
        new(Factor.Relationships, 1, "FOREIGN KEY constraints with ON DELETE CASCADE, RESTRICT or SET NULL are checked by the server on every write", "https://www.postgresql.org/docs/current/ddl-constraints.html#DDL-CONSTRAINTS-FK"),
        new(Factor.Joins, 1, "the planner chooses nested-loop, hash or merge joins over indexed keys", "https://www.postgresql.org/docs/current/planner-optimizer.html"),
        new(Factor.Consistency, 1, "multi-statement ACID transactions, up to SERIALIZABLE isolation", "https://www.postgresql.org/docs/current/transaction-iso.html"),
        new(Factor.MultiTenancy, 1, "row security policies (ENABLE and FORCE ROW LEVEL SECURITY) filter every statement by tenant inside the server", "https://www.postgresql.org/docs/current/ddl-rowsecurity.html"),
        new(Factor.Documents, .8, "its binary JSON type stores documents decomposed, and inverted indexes search them by key and containment", "https://www.postgresql.org/docs/current/datatype-json.html"),
        new(Factor.Search, .8, "built-in full-text search with ranking, and trigram similarity indexes for fuzzy matches from an extension it ships", "https://www.postgresql.org/docs/current/pgtrgm.html"),
        new(Factor.Volume, .4, "one primary holds the whole database; spreading it over machines needs an extension such as Citus", "https://www.postgresql.org/docs/current/different-replication-solutions.html"),
    };
}
