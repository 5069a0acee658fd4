using DbArchitect.Core.Technology;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// How the technology ranking sees MySQL: its fit for each kind of application, licence and connection handling, and
/// the reviewed, sourced facts its reasons quote.
/// </summary>
internal sealed class MySqlProfile : EngineProfile
{
    public MySqlProfile()
        : base("mysql", "MySQL", EngineFamily.Relational, new KindFit(oltp: 1, analytics: -.25, mixed: .5, timeSeries: -.25, document: 0, graph: -.25, keyValue: 0))
    {
        ComfortableConnections = 500;
        Pooler = "ProxySQL";
    }

    protected override IReadOnlyList<EngineFact> Stated { get; } = new EngineFact[]
    {
        new(Factor.Kind, .5, "a relational database whose InnoDB engine is built for short transactions", "https://dev.mysql.com/doc/refman/8.0/en/innodb-introduction.html"),
        new(Factor.Relationships, 1, "InnoDB checks FOREIGN KEY constraints and their ON DELETE actions", "https://dev.mysql.com/doc/refman/8.0/en/create-table-foreign-keys.html"),
        new(Factor.Joins, .9, "joins run as nested loops over indexes, and as hash joins since 8.0.18", "https://dev.mysql.com/doc/refman/8.0/en/hash-joins.html"),
        new(Factor.Consistency, 1, "InnoDB transactions follow the ACID model with row-level locking", "https://dev.mysql.com/doc/refman/8.0/en/mysql-acid.html"),
        new(Factor.MultiTenancy, .2, "privileges stop at database, table and column level (there is no row-level security), so tenant filters live in application code", "https://dev.mysql.com/doc/refman/8.0/en/privileges-provided.html"),
        new(Factor.Documents, .6, "a native JSON type, indexed through generated columns or multi-valued indexes", "https://dev.mysql.com/doc/refman/8.0/en/json.html"),
        new(Factor.TimeSeries, .35, "time-ordered data needs hand-made RANGE partitions and rollup tables", "https://dev.mysql.com/doc/refman/8.0/en/partitioning-range.html"),
    };
}
