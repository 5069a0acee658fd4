using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Partitioning;

public enum PartitionStrategy { Range, List, Hash }

/// <summary>How the partitions are managed: the engine's own DDL, pg_partman, or TimescaleDB hypertables.</summary>
public enum PartitionMode { Native, PgPartman, TimescaleDb }

/// <summary>
/// What the caller asked for (New-PartitionScript's parameters). Null means "decide": the planner fills it from the
/// forecast or the live table and says why.
/// </summary>
public sealed record PartitionRequest
{
    public string? Column { get; init; }

    public PartitionStrategy Strategy { get; init; } = PartitionStrategy.Range;

    public PartitionInterval? Interval { get; init; }

    /// <summary>The lower bound of the first partition the script creates explicitly (range on time).</summary>
    public DateTime? Start { get; init; }

    /// <summary>Partitions kept ready ahead of the current one.</summary>
    public int? Premake { get; init; }

    public Retention? Retention { get; init; }

    public PartitionMode Mode { get; init; } = PartitionMode.Native;

    /// <summary>pg_partman major version (4 or 5) the create_parent call is written for.</summary>
    public int? PartmanVersion { get; init; }

    /// <summary>Partitions of a hash plan.</summary>
    public int? HashPartitions { get; init; }

    /// <summary>Values of a list plan, one partition each.</summary>
    public IReadOnlyList<string>? ListValues { get; init; }

    /// <summary>Server memory, for TimescaleDB's chunk interval; the design's hardware when not given.</summary>
    public double? MemoryGb { get; init; }

    /// <summary>The database the pg_cron job runs in; a psql variable (:'target_database') when not known.</summary>
    public string? Database { get; init; }
}
