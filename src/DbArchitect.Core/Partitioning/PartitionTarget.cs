using DbArchitect.Core.Model;

namespace DbArchitect.Core.Partitioning;

/// <summary>What kind of values the partition key holds, which decides the strategies and boundaries it allows.</summary>
public enum PartitionKeyKind { Timestamp, Date, Integer, Text, Other }

public sealed record TargetKey(string Name, IReadOnlyList<string> Columns);

/// <summary>A foreign key as far as partitioning cares: which table holds it, what it references.</summary>
public sealed record TargetForeignKey(string Name, string Table, IReadOnlyList<string> Columns, string ReferencedTable, IReadOnlyList<string> ReferencedColumns)
{
    /// <summary>The ON DELETE rule as the catalog spells it (CASCADE, RESTRICT…), so a rollback can restore the key; null when unknown.</summary>
    public string? OnDelete { get; init; }
}

/// <summary>
/// The table a plan partitions: from a design (<see cref="Design"/> set: the script creates it) or read from a live
/// database (<see cref="Exists"/>: the script converts it). Volumes come from the design's forecast or the live
/// catalog and data; each is null when unknown.
/// </summary>
public sealed record PartitionTarget(
    string Schema,
    string Name,
    IReadOnlyList<(string Name, PartitionKeyKind Kind, string NativeType)> Columns,
    TargetKey? PrimaryKey,
    IReadOnlyList<TargetKey> UniqueKeys,
    IReadOnlyList<TargetForeignKey> ForeignKeys,
    IReadOnlyList<TargetForeignKey> ReferencedBy)
{
    /// <summary>The physical table of a design; null for a live table.</summary>
    public Table? Design { get; init; }

    /// <summary>True when the table exists (and may hold rows): the plan converts it instead of creating it.</summary>
    public bool Exists { get; init; }

    public long? Rows { get; init; }

    public long? TotalBytes { get; init; }

    /// <summary>Rows added per day: the forecast's figure, or the live rows spread over the key's min..max span.</summary>
    public double? RowsPerDay { get; init; }

    /// <summary>Bytes per row including indexes (the forecast at retention, or live size / rows).</summary>
    public double? BytesPerRow { get; init; }

    /// <summary>Index bytes per row (the forecast's indexes at retention / rows), for TimescaleDB's chunk interval.</summary>
    public double? IndexBytesPerRow { get; init; }

    /// <summary>Where the volume figures came from, for the sizing reason.</summary>
    public string? VolumeBasis { get; init; }

    public DateTime? KeyMin { get; init; }

    public DateTime? KeyMax { get; init; }

    public long? KeyMinNumber { get; init; }

    public long? KeyMaxNumber { get; init; }

    /// <summary>Index definitions read from a live table (engine text), recreated on the partitioned table.</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<string> Columns, bool Unique, string Definition)> LiveIndexes { get; init; } =
        Array.Empty<(string, IReadOnlyList<string>, bool, string)>();

    /// <summary>The column a time-range plan uses when none is given: the design's created-at column.</summary>
    public string? DefaultKey { get; init; }

    /// <summary>Values of an enum column, for list plans.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> EnumValues { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    public PartitionKeyKind KindOf(string column) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, column, StringComparison.Ordinal)) is { Name: not null } found ? found.Kind : PartitionKeyKind.Other;

    public string? NativeTypeOf(string column) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, column, StringComparison.Ordinal)).NativeType;

    public bool HasColumn(string column) => Columns.Any(c => string.Equals(c.Name, column, StringComparison.Ordinal));
}
