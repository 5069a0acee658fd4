using DbArchitect.Core.Model;

namespace DbArchitect.Core.Partitioning;

/// <summary>What kind of values the partition key holds, which decides the strategies and boundaries it allows.</summary>
public enum PartitionKeyKind { Timestamp, Date, Integer, Text, Other }

/// <summary>
/// A primary key, unique constraint or unique index. <see cref="Columns"/> are the key's plain columns; a unique index
/// on an expression or with a predicate also carries the design index or the live definition, and
/// <see cref="Reads"/> lists every column it reads (what a lookup table must copy to enforce it elsewhere).
/// </summary>
public sealed record TargetKey(string Name, IReadOnlyList<string> Columns)
{
    /// <summary>The design's unique index; null for a constraint or a live key.</summary>
    public DbArchitect.Core.Model.Index? Index { get; init; }

    /// <summary>A live unique index's definition after its table (" USING btree (lower(email)) WHERE …"); null for a constraint.</summary>
    public string? Definition { get; init; }

    /// <summary>Every column the key reads (expression and predicate columns included); its plain columns when not set.</summary>
    public IReadOnlyList<string>? ReadColumns { get; init; }

    /// <summary>The key's values come from the engine (identity, sequence, random UUID), never from the application.</summary>
    public bool Generated { get; init; }

    public IReadOnlyList<string> Reads => ReadColumns ?? Columns;

    /// <summary>True for a unique index, false for a primary key or unique constraint.</summary>
    public bool IsIndex => Index is not null || Definition is not null;

    /// <summary>The key as a reader sees it: "(code)", "lower(email) where deleted_at is null".</summary>
    public string Text => Index is { } index
        ? "(" + string.Join(", ", index.Keys.Select(k => k.ToString())) + ")" + (index.Predicate is { } p ? " where " + p : string.Empty)
        : Definition is { } definition ? definition.Trim() : "(" + string.Join(", ", Columns) + ")";
}

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

    /// <summary>The target with its key's live time range and the daily rate it implies: <paramref name="rows"/> spread over min..max (at least a day).</summary>
    public PartitionTarget WithTimeRange(DateTime min, DateTime max, long rows, string column)
    {
        var days = Math.Max(1, (max - min).TotalDays);
        return this with
        {
            KeyMin = min,
            KeyMax = max,
            RowsPerDay = rows / days,
            VolumeBasis = $"the live table: {rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} rows over {days.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} days of {column}",
        };
    }

    public PartitionKeyKind KindOf(string column) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, column, StringComparison.Ordinal)) is { Name: not null } found ? found.Kind : PartitionKeyKind.Other;

    public string? NativeTypeOf(string column) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, column, StringComparison.Ordinal)).NativeType;

    public bool HasColumn(string column) => Columns.Any(c => string.Equals(c.Name, column, StringComparison.Ordinal));
}
