using DbArchitect.Core.Technology;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// How the technology ranking sees MariaDB: its fit for each kind of application, licence and connection handling, and
/// the reviewed, sourced facts its reasons quote.
/// </summary>
internal sealed class MariaDbProfile : EngineProfile
{
    public MariaDbProfile()
        : base("mariadb", "MariaDB", EngineFamily.Relational, new KindFit(oltp: 1, analytics: 0, mixed: .5, timeSeries: -.25, document: 0, graph: -.25, keyValue: 0))
    {
        ComfortableConnections = 500;
        Pooler = "MaxScale or ProxySQL";
    }

    protected override IReadOnlyList<EngineFact> Stated { get; } = new EngineFact[]
    {
        new(Factor.Kind, .5, "a relational database forked from MySQL, with InnoDB as its default engine", "https://mariadb.com/kb/en/about-mariadb-server/"),
        new(Factor.Relationships, 1, "InnoDB tables enforce foreign keys with ON DELETE and ON UPDATE actions", "https://mariadb.com/kb/en/foreign-keys/"),
        new(Factor.Joins, .9, "block nested-loop and hash join algorithms use the join buffer for large joins", "https://mariadb.com/kb/en/block-based-join-algorithms/"),
        new(Factor.Consistency, 1, "InnoDB gives transactions with commit, rollback and crash recovery", "https://mariadb.com/kb/en/start-transaction/"),
        new(Factor.MultiTenancy, .2, "GRANT reaches tables and columns but no rows, so each query must carry its tenant filter", "https://mariadb.com/kb/en/grant/"),
        new(Factor.TimeSeries, .35, "time ranges need hand-made RANGE partitions; there are no time-bucket rollups", "https://mariadb.com/kb/en/range-partitioning-type/"),
    };
}
