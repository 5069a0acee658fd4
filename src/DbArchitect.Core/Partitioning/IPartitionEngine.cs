using DbArchitect.Core.Live;

namespace DbArchitect.Core.Partitioning;

/// <summary>
/// The engine's partitioning rules, which the planner enforces before any SQL is written. With
/// <paramref name="KeepsUniquenessByLookup"/> the engine keeps a uniqueness that cannot hold per partition in an
/// unpartitioned lookup table written by a trigger, instead of dropping it. With <paramref name="DesignBuildsPartitions"/>
/// a design's numbered scripts build the tables it decides to partition as partitioned tables. <paramref name="Modes"/>
/// are the engine's own: <see cref="PartitionMode.Native"/> first, then any partition manager it offers.
/// </summary>
public sealed record PartitionRules(
    int MaxPartitions,
    bool UniqueKeysMustContainKey,
    bool ForeignKeysAllowed,
    bool ReferencedKeysAllowed,
    IReadOnlyList<PartitionMode> Modes,
    IReadOnlyList<PartitionStrategy> Strategies,
    bool KeepsUniquenessByLookup = false,
    bool DesignBuildsPartitions = false);

/// <summary>
/// One engine's partitioning: its rules, the steps (SQL) of a plan, and reading an existing table from a live
/// database. Engines without declarative partitioning do not implement it.
/// </summary>
public interface IPartitionEngine
{
    PartitionRules Rules { get; }

    /// <summary>The scripts that carry out the plan, in the order they run.</summary>
    IReadOnlyList<PartitionStep> Steps(PartitionPlan plan);

    /// <summary>The live table with its keys, indexes, foreign keys and volume (rows, bytes, key range).</summary>
    PartitionTarget ReadLive(LiveSession session, string? schema, string table, string? column) =>
        throw new Errors.DbArchitectException(new Errors.DbArchitectError(
            "PartitionLiveReadNotSupported", Errors.ErrorKind.NotImplemented,
            "Reading a live table for partitioning is not supported on this engine yet.",
            "Pipe a design table (New-DbDesign … | New-PartitionScript -Table name) instead.", null, table));

    /// <summary>The installed major version of the mode's partition manager (pg_partman), read from the live server; null when absent or not a manager.</summary>
    int? ExtensionMajorVersion(LiveSession session, string mode) => null;
}
