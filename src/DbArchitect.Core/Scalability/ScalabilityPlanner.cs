using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using static DbArchitect.Core.Scalability.NodeCapacity;

namespace DbArchitect.Core.Scalability;

/// <summary>The roadmap's phases and the sharding plan, together.</summary>
internal sealed record ScalabilityPlan(IReadOnlyList<RoadmapPhase> Phases, DistributionPlan? Distribution);

/// <summary>
/// The scalability roadmap: when the data passes memory, when the load passes one node and then its replicas, when a
/// table passes the partitioning size, and when writes or storage need horizontal sharding — each as months from now
/// at the stated growth (no calendar dates, so the output is deterministic), with the concrete step and its figures.
/// </summary>
internal static class ScalabilityPlanner
{
    private enum Kind { Baseline, Memory, Replicas, Cache, Partition, Sharding }

    /// <summary>
    /// A phase before ordering. A class, not a tuple: sorting a list of value tuples made a new session JIT-compile LINQ's
    /// sorter for that tuple shape (67 methods on the first design).
    /// </summary>
    private sealed record Phase(Kind Kind, string Trigger, double? Months, string Step, string Reason);

    public static ScalabilityPlan Plan(DbRequirement requirement, IDatabaseEngine engine, SchemaModel physical, CapacityForecast forecast, List<DesignDecision> decisions)
    {
        var sizing = new RoadmapSizing(forecast);
        var w = requirement.Workload;
        var retention = w.Retention;
        var cpus = requirement.Hardware.Cpus ?? DefaultCpus;
        var cpuText = requirement.Hardware.Cpus is null ? $"{cpus} cores assumed (hardware.cpus not stated)" : $"{cpus} cores";
        var readShare = w.ReadWriteRatio?.ReadFraction ?? 0.5;
        var tps = w.Tps ?? 0;
        var readTps = tps * readShare;
        var writeTps = Math.Max(tps * (1 - readShare), physical.Tables.Sum(t => t.RowsPerDay ?? 0) / 86_400.0);
        var nodeRead = cpus * ReadTpsPerCore;
        var nodeWrite = cpus * WriteTpsPerCore;
        var withReplicas = nodeRead * (1 + MaxReadReplicas);
        var bytesToday = physical.Tables.Sum(t => sizing.BytesAt(t, 0, retention));
        var bytesPerDay = physical.Tables.Sum(t => (t.RowsPerDay ?? 0) * sizing.BytesPerRow(t));
        var growth = $"assuming traffic grows {N(TrafficGrowthPerYear * 100)}% a year (format 1 states data growth, not traffic growth)";
        var scale = engine.ScaleOut;
        var distribution = DistributionPlanner.Plan(requirement, physical, scale.Sharding);

        var phases = new List<Phase>
        {
            new(Kind.Baseline, "Launch", 0,
                $"One {engine.DisplayName} {scale.Baseline}",
                $"Today about {Capacity.Count(physical.Tables.Sum(t => t.EstimatedRows ?? 0))} rows (~{Capacity.Bytes(bytesToday)} with indexes, by the capacity forecast) and {N(tps)} TPS; one node with {cpuText} serves about {N(nodeRead)} read and {N(nodeWrite)} write TPS ({N(ReadTpsPerCore)} and {N(WriteTpsPerCore)} per core assumed)."),
        };

        if (requirement.Hardware.MemoryGb is { } memoryGb)
        {
            var memory = memoryGb * 1024 * 1024 * 1024;
            var months = DataMonths(bytesToday, bytesPerDay, memory, retention);
            phases.Add(new(Kind.Memory, $"Data passes memory ({N(memoryGb)} GB)", months,
                readShare >= 0.7
                    ? "Keep hot reads in memory: cache hot keys, spread reads over replicas (each with its own cache) and keep recent partitions and hot indexes in RAM"
                    : "Keep the working set in RAM: partition by time so only recent partitions are hot, and add memory before the working set outgrows it",
                $"~{Capacity.Bytes(bytesToday)} today, growing ~{Capacity.Bytes(bytesPerDay)}/day{Flat(retention)}, against {N(memoryGb)} GB of RAM: {Describe(months)}."));
        }

        if (tps > 0)
        {
            var replicaMonths = LoadMonths(readTps, nodeRead);
            phases.Add(new(Kind.Replicas, $"Reads pass one node (~{N(nodeRead)} TPS)", replicaMonths,
                $"Read replicas ({scale.ReadReplicas}, up to {MaxReadReplicas}) for reads that tolerate replication lag",
                $"{N(Math.Round(readTps))} read TPS today ({N(readShare * 100)}% of {N(tps)}) against ~{N(nodeRead)} on one node with {cpuText}, {growth}: {Describe(replicaMonths)}."));
            var cacheMonths = LoadMonths(readTps, withReplicas);
            phases.Add(new(Kind.Cache, $"Reads pass the primary and {MaxReadReplicas} replicas (~{N(withReplicas)} TPS)", cacheMonths,
                "Cache (Redis, cache-aside with short TTLs) in front of the replicas for the hottest keys",
                $"{N(Math.Round(readTps))} read TPS today against ~{N(withReplicas)} served by the primary and {MaxReadReplicas} replicas, {growth}: {Describe(cacheMonths)}."));
        }

        foreach (var table in physical.Tables)
        {
            var months = RowMonths(table, ArchitectureAdvisor.PartitionThresholdRows, retention);
            if (months is null)
            {
                continue;
            }

            var time = table.Columns.FirstOrDefault(c => c.Role == ColumnRole.CreatedAt)
                ?? table.Columns.FirstOrDefault(c => c.Type.Kind == LogicalTypeKind.Timestamp && !c.Nullable);
            phases.Add(new(Kind.Partition, $"{table.Name} passes {Capacity.Count(ArchitectureAdvisor.PartitionThresholdRows)} rows", months,
                scale.PartitioningSubstitute is { } split
                    ? $"Split {table.Name} by {time?.Name ?? "its primary key"}: {split}"
                    : time is null ? $"Hash-partition {table.Name} by its primary key" : $"Range-partition {table.Name} by {time.Name}",
                $"{table.Name} has {Capacity.Count(table.EstimatedRows ?? 0)} rows and grows by {Capacity.Count(table.RowsPerDay ?? 0)}/day{Flat(retention)}: {Describe(months)}; "
                + (scale.PartitioningSubstitute is null
                    ? $"partitions keep indexes small enough for memory, let {engine.Wording.PartitionMaintenance} work per partition and turn retention into dropping a partition."
                    : "smaller pieces keep indexes small enough for memory and turn retention into dropping a piece instead of deleting rows.")));
        }

        var writeMonths = tps > 0 || writeTps > 0 ? LoadMonths(writeTps, nodeWrite) : null;
        var storageMonths = DataMonths(bytesToday, bytesPerDay, SingleNodeStorageBytes, retention);
        var shardMonths = Min(writeMonths, storageMonths);
        if (distribution is not null)
        {
            var distributed = distribution.Tables.Count(t => t.Role == DistributionRole.Distributed);
            var reference = distribution.Tables.Count(t => t.Role == DistributionRole.Reference);
            phases.Add(new(Kind.Sharding, $"Writes pass one primary (~{N(nodeWrite)} TPS) or data passes {Capacity.Bytes(SingleNodeStorageBytes)}", shardMonths,
                $"Horizontal sharding with {scale.Sharding}: distribute by {distribution.DistributionColumn} ({distributed} distributed, {reference} reference tables; {scale.ShardingScriptPath})",
                $"About {N(Math.Round(writeTps))} write TPS today against ~{N(nodeWrite)} one primary sustains ({growth}): {Describe(writeMonths)}; data passes {Capacity.Bytes(SingleNodeStorageBytes)} on one node: {Describe(storageMonths)}. Replicas do not add write capacity, so writes beyond one primary need sharding."));
        }

        // OrderBy is stable: phases of the same month and kind keep the order they were added in.
        var ordered = phases
            .OrderBy(p => p.Months ?? double.MaxValue).ThenBy(p => (int)p.Kind)
            .Select((p, order) => new RoadmapPhase(order + 1, p.Trigger, p.Months is { } m ? (m > 0 ? Math.Max(0.1, Math.Round(m, 1)) : 0) : null, p.Step, p.Reason))
            .ToArray();
        foreach (var phase in ordered)
        {
            decisions.Add(new DesignDecision(DesignAreas.ScalabilityRoadmap, $"Phase {phase.Order}: {phase.Trigger}", phase.Step,
                $"Expected: {phase.ExpectedIn}. {phase.Reason}"));
        }

        if (distribution is not null)
        {
            decisions.Add(new DesignDecision(DesignAreas.ScalabilityRoadmap, "Distribution plan",
                $"{distribution.Technology}: distribute by {distribution.DistributionColumn}", distribution.Reason + "."));
        }

        return new ScalabilityPlan(ordered, distribution);
    }

    /// <summary>Months until a load growing at <see cref="TrafficGrowthPerYear"/> passes <paramref name="capacity"/>; null beyond the horizon.</summary>
    internal static double? LoadMonths(double load, double capacity)
    {
        if (load <= 0)
        {
            return null;
        }

        if (load >= capacity)
        {
            return 0;
        }

        var months = 12 * Math.Log(capacity / load) / Math.Log(1 + TrafficGrowthPerYear);
        return months <= HorizonMonths ? months : null;
    }

    /// <summary>Months until data growing linearly (flat after retention) passes <paramref name="limit"/> bytes.</summary>
    internal static double? DataMonths(double today, double perDay, double limit, Retention? retention)
    {
        if (today >= limit)
        {
            return 0;
        }

        if (perDay <= 0)
        {
            return null;
        }

        var days = (limit - today) / perDay;
        if (retention is not null && days > retention.Days)
        {
            return null;
        }

        var months = days / DaysPerMonth;
        return months <= HorizonMonths ? months : null;
    }

    private static double? RowMonths(Table table, long threshold, Retention? retention) =>
        DataMonths(table.EstimatedRows ?? 0, table.RowsPerDay ?? 0, threshold, retention);

    private static double? Min(double? a, double? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static string Describe(double? months) => months switch
    {
        null => $"not within {N(HorizonMonths)} months at the stated growth",
        <= 0 => "already reached",
        { } m => $"expected in about {N(Math.Ceiling(m * 10) / 10)} months",
    };

    private static string Flat(Retention? retention) => retention is null ? string.Empty : $" (flat after the {retention} retention)";

    private static string N(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
