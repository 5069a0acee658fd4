using System.Globalization;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Design;

/// <summary>
/// The audit log's growth, from the write rates of the tables it records: the trigger writes one row per insert,
/// update and delete, so the log grows at least as fast as the audited tables' inserts, and as fast as all writes
/// when the workload states a transaction rate and read/write ratio. Without it the log was forecast at 0 rows and
/// planned as a small table (a Citus reference table copied to every node, although every write adds to it).
/// </summary>
internal static class AuditVolume
{
    /// <summary>Read/write share assumed when the workload states a transaction rate but no ratio (as the roadmap does).</summary>
    private const double DefaultWriteShare = 0.5;

    /// <summary>Audit rows per day and the arithmetic; null when neither inserts nor a transaction rate are known.</summary>
    public static (long RowsPerDay, string Arithmetic)? PerDay(WorkloadProfile workload, IEnumerable<TableDraft> audited)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(audited);
        var inserts = audited.Sum(t => t.RowsPerDay ?? 0);
        var writeShare = workload.ReadWriteRatio is { } ratio ? 1 - ratio.ReadFraction : DefaultWriteShare;
        var writes = workload.Tps is { } tps ? (long)Math.Round(tps * writeShare * 86_400) : 0;
        var perDay = Math.Max(inserts, writes);
        if (perDay <= 0)
        {
            return null;
        }

        var insertText = $"{Capacity.Count(inserts)} inserts/day into the audited tables";
        var writeText = workload.Tps is { } t
            ? $"{t.ToString("#,0.##", CultureInfo.InvariantCulture)} transactions/s × {writeShare.ToString("0.##", CultureInfo.InvariantCulture)} write share × 86,400 s = {Capacity.Count(writes)} writes/day"
            : "no transaction rate stated";
        return (perDay, $"one audit row per insert, update and delete: the larger of {insertText} and {writeText} = {Capacity.Count(perDay)} rows/day");
    }
}
