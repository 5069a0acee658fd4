namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>SQLite is embedded: reads scale with WAL-streamed read-only copies, writes by splitting the data into files.</summary>
public sealed class SqliteScaleOut : IScaleOut
{
    public string ReadReplicas => "read-only copies kept current by Litestream or LiteFS WAL streaming";

    public string Sharding => "one database file per tenant or key range (application routing), or a move to a server engine";

    public string ShardingScriptPath => "design.md (no sharding script for SQLite)";

    public string Baseline => "database file on local SSD beside the application, with Litestream WAL replication, backups and monitoring";

    public string? PartitioningSubstitute =>
        "one database file per period, attached with ATTACH and read through a UNION ALL view; SQLite has no declarative partitioning";
}
