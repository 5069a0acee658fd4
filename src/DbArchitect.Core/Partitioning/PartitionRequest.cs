using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Partitioning;

public enum PartitionStrategy { Range, List, Hash }

/// <summary>
/// How the partitions are created and maintained: <see cref="Native"/> (the engine's own DDL, every engine) or a
/// manager an engine offers besides it, named and validated by that engine's <see cref="PartitionRules.Modes"/>.
/// <paramref name="ConversionNeedsPrimaryKey"/>: converting an existing table pages through it by primary key (a
/// manager that converts in place does not).
/// </summary>
public sealed record PartitionMode(string Name, bool ConversionNeedsPrimaryKey = true)
{
    public const string NativeName = "Native";

    public static PartitionMode Native { get; } = new(NativeName);

    public override string ToString() => Name;
}

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

    /// <summary>The mode's name (New-PartitionScript -Mode), matched to the engine's modes ignoring case.</summary>
    public string Mode { get; init; } = PartitionMode.NativeName;

    /// <summary>The major version of the engine's partition manager the script is written for (pg_partman: 4 or 5).</summary>
    public int? PartmanVersion { get; init; }

    /// <summary>Partitions of a hash plan.</summary>
    public int? HashPartitions { get; init; }

    /// <summary>Values of a list plan, one partition each.</summary>
    public IReadOnlyList<string>? ListValues { get; init; }

    /// <summary>Server memory, for a manager that sizes partitions by it (TimescaleDB's chunk interval); the design's hardware when not given.</summary>
    public double? MemoryGb { get; init; }

    /// <summary>The database the scheduled maintenance job runs in; the engine's script variable when not known.</summary>
    public string? Database { get; init; }
}
