using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Partitioning;

/// <summary>One partition the script creates explicitly: name and bounds as text (dates as yyyy-MM-dd, values as written).</summary>
public sealed record PartitionBoundary(string Name, string? From, string? To, IReadOnlyList<string> Values);

/// <summary>A constraint the plan changes or drops to satisfy the engine's rules, with what replaces it.</summary>
public sealed record ConstraintChange(string Constraint, string Table, string Change, string Reason);

/// <summary>
/// The engine-neutral partition plan: strategy, key, interval and boundaries, what happens to keys and foreign keys,
/// the sizing arithmetic, and every reason and warning. Engines turn it into steps (see <see cref="PartitionScript"/>).
/// </summary>
public sealed record PartitionPlan(
    string Engine,
    string Mode,
    PartitionTarget Target,
    PartitionStrategy Strategy,
    string Key,
    PartitionKeyKind KeyKind,
    PartitionInterval? Interval,
    DateTime? Start,
    IReadOnlyList<PartitionBoundary> Boundaries,
    int Premake,
    Retention? Retention,
    int HashPartitions,
    IReadOnlyList<string> ListValues,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<TargetKey> UniqueKeys,
    IReadOnlyList<ConstraintChange> ConstraintChanges,
    PartitionSizing? Sizing,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Warnings)
{
    public string Schema => Target.Schema;

    public string Table => Target.Name;

    /// <summary>True when the table exists: the steps convert it online instead of creating it.</summary>
    public bool Converts => Target.Exists;

    /// <summary>
    /// Keys that cannot hold per partition and are kept across all partitions by a lookup table (one per key, with the
    /// key's own unique index) that a trigger on the partitioned table writes in the same transaction.
    /// </summary>
    public IReadOnlyList<TargetKey> Lookups { get; init; } = Array.Empty<TargetKey>();

    public int? PartmanVersion { get; init; }

    public double? MemoryGb { get; init; }

    public string? Database { get; init; }

    /// <summary>The retention as the engine's maintenance compares it; null when nothing expires.</summary>
    public bool Expires => Retention is not null && Strategy == PartitionStrategy.Range && Interval is { IsCalendar: true };
}
