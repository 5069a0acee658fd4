using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tuning;

/// <summary>
/// A requirement's hardware and workload as configuration inputs: the workload type from application.kind, the
/// stated targets, and the tables whose write rate needs their own vacuum thresholds.
/// </summary>
public static class ConfigInputs
{
    /// <summary>Rows per day from which a table gets its own autovacuum thresholds.</summary>
    internal const long HighWriteRowsPerDay = 100_000;

    /// <summary>A table this large that still grows by <see cref="GrowingRowsPerDay"/> a day also gets them.</summary>
    internal const long LargeTableRows = 10_000_000;

    internal const long GrowingRowsPerDay = 10_000;

    /// <summary>
    /// The inputs for <paramref name="requirement"/>, or null when hardware.memoryGb is not stated. The application role
    /// is named as the security model names it (&lt;schema&gt;_app, fitted to the engine's identifier length); the
    /// connection budget is <paramref name="budget"/> (the design's own), else the requirement's.
    /// </summary>
    public static ConfigInput? From(DbRequirement requirement, SchemaModel physical, int maxIdentifierBytes, ConnectionBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(physical);
        if (requirement.Hardware.MemoryGb is not { } memory)
        {
            return null;
        }

        var (workload, reason) = WorkloadFor(requirement.Application.Kind);
        var storageReason = requirement.Hardware.Storage is null ? " Storage not stated: SSD assumed (the tuning calculators' default)." : string.Empty;
        var w = requirement.Workload;
        return new ConfigInput(memory, requirement.Hardware.Cpus, requirement.Hardware.Storage ?? StorageKind.Ssd, workload, MaxConnections: null)
        {
            WorkloadReason = reason + storageReason,
            ConcurrentUsers = w.ConcurrentUsers,
            LatencyMs = w.LatencyMs,
            Tps = w.Tps,
            ReadWriteRatio = w.ReadWriteRatio,
            RecordsPerDay = w.RecordsPerDay,
            ApplicationRole = IdentifierShortener.Shorten(physical.Schema + "_app", maxIdentifierBytes),
            HighWriteTables = HighWriteTables(physical, w.Retention),
            Budget = budget ?? ConnectionBudget.From(requirement),
        };
    }

    /// <summary>
    /// PGTune's workload type for an application kind. The requirements format has no "web" kind and defaults
    /// application.kind to oltp, so web is used only when asked for (-Workload web, PGTune's own default).
    /// </summary>
    public static (ConfigWorkload Workload, string Reason) WorkloadFor(ApplicationKind kind) => kind switch
    {
        ApplicationKind.Analytics => (ConfigWorkload.Dw, "application.kind analytics → the data-warehouse workload profile: few connections running large scans and aggregates."),
        ApplicationKind.Mixed => (ConfigWorkload.Mixed, "application.kind mixed → the mixed workload profile: transactions and reports on one server."),
        ApplicationKind.TimeSeries => (ConfigWorkload.Dw, "application.kind time-series → the data-warehouse workload profile: an append firehose needs a large write-ahead log so checkpoints do not throttle ingest, more maintenance memory for index work on big tables, finer statistics for time-range estimates, and parallel workers for aggregates over many rows; connections still follow the stated users."),
        ApplicationKind.Document or ApplicationKind.KeyValue => (ConfigWorkload.Web, $"application.kind {Kind(kind)} → the web workload profile: many clients with short reads and writes by key."),
        ApplicationKind.Graph => (ConfigWorkload.Mixed, "application.kind graph → the mixed workload profile: interactive, but traversals are recursive joins heavier than web queries."),
        _ => (ConfigWorkload.Oltp, "application.kind oltp → the OLTP workload profile: many short read/write transactions."),
    };

    private static string Kind(ApplicationKind kind) => kind == ApplicationKind.KeyValue ? "key-value" : kind.ToString().ToLowerInvariant();

    private static IReadOnlyList<TableWriteRate> HighWriteTables(SchemaModel physical, Retention? retention)
    {
        var result = new List<TableWriteRate>();
        foreach (var table in physical.Tables)
        {
            var perDay = table.RowsPerDay ?? 0;
            var rows = CapacityForecaster.RowsAt(table, retention);
            var projected = retention is null ? rows.OneYear : rows.AtRetention;
            if (perDay >= HighWriteRowsPerDay || (perDay >= GrowingRowsPerDay && projected >= LargeTableRows))
            {
                result.Add(new TableWriteRate(physical.Schema, table.Name, perDay, projected) { Partitioned = table.PartitionBy is not null });
            }
        }

        return result;
    }
}
