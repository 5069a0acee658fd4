namespace DbArchitect.Core.Requirements;

/// <summary>A parsed and validated requirements file (format 1). Immutable; every element knows where it was written.</summary>
public sealed record DbRequirement(
    string SourcePath,
    int Format,
    ApplicationInfo Application,
    WorkloadProfile Workload,
    HardwareProfile Hardware,
    string Engine,
    Conventions Conventions,
    IReadOnlyList<EntitySpec> Entities,
    IReadOnlyList<RelationshipSpec> Relationships,
    IReadOnlyList<AccessPatternSpec> AccessPatterns)
{
    /// <summary>Convenience for table views: the application name.</summary>
    public string Name => Application.Name;

    /// <summary>The first entity named <paramref name="name"/>, ignoring case; null when there is none.</summary>
    public EntitySpec? FindEntity(string name) => name is null ? null : RequirementLookups.Entity(Entities, name);

    /// <summary>Recovery objectives and backup window (operations: in the file); unstated parts are null.</summary>
    public OperationsProfile Operations { get; init; } = OperationsProfile.Unspecified;
}

public sealed record ApplicationInfo(
    string Name,
    string? Description,
    ApplicationKind Kind,
    Tenancy Tenancy,
    string? Schema,
    SourceLocation Location);

/// <summary>Volumes and performance targets. Null means "not stated"; the engine then uses documented defaults.</summary>
public sealed record WorkloadProfile(
    long? Records,
    long? RecordsPerDay,
    ReadWriteRatio? ReadWriteRatio,
    double? LatencyMs,
    int? ConcurrentUsers,
    double? Tps,
    Retention? Retention)
{
    public static readonly WorkloadProfile Unspecified = new(null, null, null, null, null, null, null);
}

public sealed record ReadWriteRatio(int Read, int Write)
{
    public double ReadFraction => Read + Write == 0 ? 0 : (double)Read / (Read + Write);

    public override string ToString() => $"{Read}:{Write}";
}

public sealed record Retention(int Amount, RetentionUnit Unit)
{
    /// <summary>Approximate days, used only for sizing (a month is 30.44 days, a year 365.25).</summary>
    public double Days => Unit switch
    {
        RetentionUnit.Day => Amount,
        RetentionUnit.Week => Amount * 7,
        RetentionUnit.Month => Amount * 30.44,
        _ => Amount * 365.25,
    };

    public override string ToString() => Amount.ToString(System.Globalization.CultureInfo.InvariantCulture) + Unit switch
    {
        RetentionUnit.Day => "d",
        RetentionUnit.Week => "w",
        RetentionUnit.Month => "m",
        _ => "y",
    };
}

public sealed record HardwareProfile(double? MemoryGb, int? Cpus, StorageKind? Storage)
{
    public static readonly HardwareProfile Unspecified = new(null, null, null);
}

public sealed record Conventions(
    NamingStyle Naming,
    PrimaryKeyKind PrimaryKey,
    bool Timestamps,
    bool SoftDelete,
    bool Audit)
{
    public static readonly Conventions Default = new(NamingStyle.SnakeCase, PrimaryKeyKind.Uuid, true, false, false);
}

/// <summary>An entity. The optional switches override the file-wide conventions for this entity only.</summary>
public sealed record EntitySpec(
    string Name,
    string? Description,
    long? Rows,
    long? RowsPerDay,
    IReadOnlyList<AttributeSpec> Attributes,
    bool? Timestamps,
    bool? SoftDelete,
    bool? Audit,
    bool? TenantScoped,
    SourceLocation Location);

public sealed record AttributeSpec(
    string Name,
    LogicalType Type,
    bool Required,
    bool Unique,
    DefaultSpec? Default,
    CheckSpec? Check,
    string? Description,
    SourceLocation Location)
{
    /// <summary>
    /// The typical size of a value as the requirements state it (<c>avgLength</c>): characters of text, bytes of JSON or
    /// binary values; null when not stated, and the capacity forecast then uses a semantic or type default.
    /// </summary>
    public int? AverageLength { get; init; }

    /// <summary>Share of rows in which the value is NULL (<c>nullShare</c>, 0–1); null when not stated.</summary>
    public double? NullShare { get; init; }

    /// <summary>Where <see cref="AverageLength"/> and <see cref="NullShare"/> come from when not from the requirements file (a live database's statistics).</summary>
    public string? ProfileSource { get; init; }
}

/// <summary>
/// A relationship. One-to-many and one-to-one put a foreign key on <see cref="To"/>; many-to-many builds the
/// <see cref="Through"/> junction table. <see cref="Role"/> names the foreign key column (role + "_id").
/// </summary>
public sealed record RelationshipSpec(
    string From,
    string To,
    RelationshipKind Kind,
    DeleteAction OnDelete,
    string? Through,
    string? Role,
    bool Required,
    string? Description,
    IReadOnlyList<AttributeSpec> Attributes,
    SourceLocation Location);

public sealed record SortKey(string Column, bool Descending)
{
    public override string ToString() => Descending ? Column + " desc" : Column;
}

public enum TimeBucket { Hour, Day, Week, Month, Year }

public sealed record GroupKey(string Column, TimeBucket? Bucket)
{
    public override string ToString() => Bucket is null ? Column : $"{Bucket.Value.ToString().ToLowerInvariant()}({Column})";
}

public enum AggregateFunction { Count, Sum, Avg, Min, Max }

public sealed record AggregateSpec(AggregateFunction Function, string? Column)
{
    public override string ToString() => $"{Function.ToString().ToLowerInvariant()}({Column ?? "*"})";
}

public sealed record AccessPatternSpec(
    string Name,
    string Entity,
    IReadOnlyList<string> Where,
    IReadOnlyList<SortKey> OrderBy,
    int? Limit,
    double? PerSecond,
    IReadOnlyList<string> Search,
    bool Fuzzy,
    string? Range,
    AggregateSpec? Aggregate,
    IReadOnlyList<GroupKey> GroupBy,
    IReadOnlyList<string> Select,
    string? Language,
    SourceLocation Location)
{
    /// <summary>The point the pattern searches around (a proximity or location search); null for every other pattern.</summary>
    public NearSpec? Near { get; init; }
}

/// <summary>
/// A proximity search: the rows whose <see cref="Latitude"/> and <see cref="Longitude"/> (numeric attributes, degrees)
/// lie within a radius of a point given at query time, nearest first. Written <c>near: [latitude, longitude]</c>.
/// </summary>
public sealed record NearSpec(string Latitude, string Longitude)
{
    public override string ToString() => $"near({Latitude}, {Longitude})";
}
