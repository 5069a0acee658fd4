using DbArchitect.Core.Technology;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// How the technology ranking sees SQLite: its fit for each kind of application, licence and connection handling, and
/// the reviewed, sourced facts its reasons quote.
/// </summary>
internal sealed class SqliteProfile : EngineProfile
{
    public SqliteProfile()
        : base("sqlite", "SQLite", EngineFamily.Relational, new KindFit(oltp: .25, analytics: -.5, mixed: -.25, timeSeries: -.5, document: -.25, graph: -.5, keyValue: 0))
    {
    }

    protected override IReadOnlyList<EngineFact> Stated { get; } = new EngineFact[]
    {
        new(Factor.Kind, .5, "an embedded relational database in one file, inside the application's process", "https://www.sqlite.org/about.html"),
        new(Factor.Relationships, .75, "foreign keys are enforced only on connections that run PRAGMA foreign_keys = ON", "https://www.sqlite.org/foreignkeys.html"),
        new(Factor.Consistency, .75, "transactions are atomic and durable, with one writer at a time for the whole file", "https://www.sqlite.org/transactional.html"),
        new(Factor.MultiTenancy, 0, "has no users, grants or row security: whoever opens the file reads all of it", "https://www.sqlite.org/whentouse.html"),
        new(Factor.WriteIngest, 0, "writes are serialised: one writer at a time, even in WAL mode", "https://www.sqlite.org/wal.html"),
        new(Factor.Volume, .1, "the database is one file on one machine", "https://www.sqlite.org/limits.html"),
        new(Factor.Concurrency, 0, "it is a library in one application, not a server for many network clients", "https://www.sqlite.org/whentouse.html#situations_where_a_client_server_rdbms_may_work_better"),
        new(Factor.Latency, .7, "reads run in-process with no network round trip", "https://www.sqlite.org/fasterthanfs.html"),
    };
}
