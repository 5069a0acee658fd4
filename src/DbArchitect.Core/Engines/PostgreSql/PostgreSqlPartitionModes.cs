using DbArchitect.Core.Partitioning;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// PostgreSQL's partition managers besides its native declarative partitions, as New-PartitionScript -Mode names them:
/// pg_partman (create_parent and run_maintenance) and TimescaleDB hypertables (which convert a table in place, so an
/// existing table needs no primary key to be paged through).
/// </summary>
public static class PostgreSqlPartitionModes
{
    public const string PgPartman = "PgPartman";

    public const string TimescaleDb = "TimescaleDb";

    internal static IReadOnlyList<PartitionMode> All { get; } = new[]
    {
        PartitionMode.Native,
        new PartitionMode(PgPartman),
        new PartitionMode(TimescaleDb, ConversionNeedsPrimaryKey: false),
    };
}
