using DbArchitect.Core.Requirements;
using DbArchitect.Core.Tuning;

namespace DbArchitect.Core.Engines;

/// <summary>
/// The workload profiles of the well-known tuning calculators (PGTune's "DB Type"): web application, online
/// transaction processing, data warehouse, mixed, and a developer desktop.
/// </summary>
public enum ConfigWorkload { Web, Oltp, Dw, Mixed, Desktop }

/// <summary>Where a setting's value came from.</summary>
public enum ConfigSource
{
    /// <summary>The PGTune formula for the stated memory, CPUs, connections, storage and workload type.</summary>
    PgTune,

    /// <summary>Derived from what PGTune does not ask: concurrent users, latency target, write rates, tables.</summary>
    Derived,
}

/// <summary>A table whose write rate calls for its own vacuum thresholds.</summary>
public sealed record TableWriteRate(string Schema, string Table, long RowsPerDay, long ProjectedRows)
{
    /// <summary>The table is partitioned: its settings go on each partition (a partitioned table has no storage of its own).</summary>
    public bool Partitioned { get; init; }
}

/// <summary>
/// What the configuration is computed from. <see cref="MemoryGb"/> is required; null elsewhere means "not stated"
/// and the advisor says which default it used. <see cref="MaxConnections"/> is an explicit limit (PGTune's
/// "Connections num"); without it connections are derived from <see cref="ConcurrentUsers"/> or the workload type.
/// </summary>
public sealed record ConfigInput(
    double MemoryGb,
    int? Cpus,
    StorageKind Storage,
    ConfigWorkload Workload,
    int? MaxConnections)
{
    /// <summary>Why <see cref="Workload"/> was chosen (for example the application kind it was mapped from).</summary>
    public string? WorkloadReason { get; init; }

    public int? ConcurrentUsers { get; init; }

    public double? LatencyMs { get; init; }

    public double? Tps { get; init; }

    public ReadWriteRatio? ReadWriteRatio { get; init; }

    public long? RecordsPerDay { get; init; }

    /// <summary>The application's login/group role, named in per-role advice (ALTER ROLE … SET); null when unknown.</summary>
    public string? ApplicationRole { get; init; }

    /// <summary>
    /// The design's connection budget, when the input comes from a design: max_connections is its total, so the tuning
    /// and security sections state the same figures. Null for bare hardware input.
    /// </summary>
    public ConnectionBudget? Budget { get; init; }

    /// <summary>
    /// The budget the connection limit follows: the design's, else one from the stated users and CPUs, else null
    /// (the engine's default for the workload applies).
    /// </summary>
    public ConnectionBudget? Connections => Budget ?? (ConcurrentUsers is { } users ? ConnectionBudget.For(users, Cpus) : null);

    /// <summary>Tables written fast enough to need per-table autovacuum settings.</summary>
    public IReadOnlyList<TableWriteRate> HighWriteTables { get; init; } = Array.Empty<TableWriteRate>();
}
