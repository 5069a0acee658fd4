using System.Globalization;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Model;
using DbArchitect.Core.Partitioning;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Design;

/// <summary>
/// The architecture around the schema: partitioning, how each access pattern is served, and (through the engine's
/// operations advisor) tuning, backup, monitoring and security. Every decision states the figures it was derived from.
/// (Technology choice lives in Technology/, the roadmap in Scalability/.)
/// </summary>
internal static class ArchitectureAdvisor
{
    /// <summary>Projected rows from which a table is range-partitioned by time.</summary>
    internal const long PartitionThresholdRows = PartitionPlanner.CandidateRows;

    public static void Advise(DbRequirement requirement, IDatabaseEngine engine, SchemaModel physical, CapacityForecast forecast, IReadOnlyList<QueryTemplate> queries, List<DesignDecision> decisions, List<DesignWarning> warnings)
    {
        var volumes = forecast.Tables.Select(TableVolume.Of).ToArray();
        Partitioning(requirement, engine, physical, forecast, volumes, decisions);
        QueryPatterns(requirement, queries, engine.Wording, decisions);

        Warnings(requirement, physical, volumes, warnings);
    }

    private static string N(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static void Partitioning(DbRequirement requirement, IDatabaseEngine engine, SchemaModel physical, CapacityForecast forecast, TableVolume[] volumes, List<DesignDecision> decisions)
    {
        var any = false;
        var substitute = engine.ScaleOut.PartitioningSubstitute;
        var byTable = volumes.ToDictionary(v => v.Table, StringComparer.Ordinal);
        foreach (var table in physical.Tables)
        {
            var volume = byTable[table.Name];
            var created = PartitionTargets.DefaultKey(table) is { } key ? table.FindColumn(key) : null;
            if (volume.AtRetention < PartitionThresholdRows || created is null)
            {
                continue;
            }

            any = true;
            var perDay = table.RowsPerDay ?? 0;

            // The interval comes from the partition planner, the one place partition plans are sized (New-PartitionScript uses it too).
            var target = PartitionTargets.FromTable(table, physical, forecast.For(table.Name));
            var sizing = PartitionSizing.Choose(target, null, requirement.Workload.Retention, PartitionPlanner.DefaultPremake,
                engine.Partitioning?.Rules.MaxPartitions ?? int.MaxValue);
            var interval = sizing.Interval.Adjective;
            var retention = requirement.Workload.Retention is { } r ? $"; partitions older than the {r} retention are detached and dropped, which is instant where DELETE would bloat the table" : string.Empty;
            if (substitute is not null)
            {
                decisions.Add(new DesignDecision(DesignAreas.Partitioning, table.Name, $"Split by {created.Name}, {interval}: {substitute}",
                    $"{table.Name} grows by {Capacity.Count(perDay)} rows/day to {Capacity.Count(volume.AtRetention)} rows (~{Capacity.Bytes(volume.BytesAt(volume.AtRetention))}); {interval} pieces keep each piece's indexes small enough to stay in memory"
                    + (requirement.Workload.Retention is { } kept ? $" and turn the {kept} retention into dropping a piece instead of deleting rows." : ".") + " " + sizing.Arithmetic));
                continue;
            }

            decisions.Add(new DesignDecision(DesignAreas.Partitioning, table.Name,
                $"Range-partition by {created.Name}, {interval}",
                $"{table.Name} grows by {Capacity.Count(perDay)} rows/day to {Capacity.Count(volume.AtRetention)} rows (~{Capacity.Bytes(volume.BytesAt(volume.AtRetention))}); {interval} partitions keep each partition's indexes small enough to stay in memory and let {engine.Wording.PartitionMaintenance} work per partition{retention}. The primary key must then include {created.Name}. {sizing.Arithmetic} New-PartitionScript writes the plan's scripts."));
        }

        if (!any)
        {
            var largest = volumes.OrderByDescending(v => v.AtRetention).FirstOrDefault();
            decisions.Add(new DesignDecision(DesignAreas.Partitioning, "All tables", "No partitioning",
                largest is null || largest.AtRetention == 0
                    ? "No volumes were stated; partitioning is considered once a table approaches " + Capacity.Count(PartitionThresholdRows) + " rows."
                    : largest.AtRetention >= PartitionThresholdRows
                        ? $"The largest table, {largest.Table}, reaches {Capacity.Count(largest.AtRetention)} rows (~{Capacity.Bytes(largest.BytesAt(largest.AtRetention))}) but has no time column to range-partition by; New-PartitionScript -Strategy Hash can still split it."
                        : $"The largest table, {largest.Table}, reaches {Capacity.Count(largest.AtRetention)} rows (~{Capacity.Bytes(largest.BytesAt(largest.AtRetention))}), below the {Capacity.Count(PartitionThresholdRows)}-row point where partition pruning and per-partition maintenance repay their complexity."));
        }
    }

    /// <summary>One decision per access pattern: the index that serves its query, and why (the query is in the design's templates).</summary>
    private static void QueryPatterns(DbRequirement requirement, IReadOnlyList<QueryTemplate> queries, EngineWording wording, List<DesignDecision> decisions)
    {
        var rates = requirement.AccessPatterns.GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().PerSecond, StringComparer.Ordinal);
        foreach (var query in queries)
        {
            var servedBy = query.Shape == QueryShape.Skipped ? "No query template"
                : query.ServingIndexes.Count > 0 ? "Served by " + string.Join(", ", query.ServingIndexes) : "Served by " + wording.FullScan;
            var rate = rates.GetValueOrDefault(query.AccessPattern) is { } perSecond ? $" Expected {N(perSecond)}/s." : string.Empty;
            decisions.Add(new DesignDecision(DesignAreas.QueryOptimization, query.AccessPattern, servedBy, query.Reason + rate));
        }
    }

    private static void Warnings(DbRequirement requirement, SchemaModel physical, TableVolume[] volumes, List<DesignWarning> warnings)
    {
        if (requirement.Conventions.PrimaryKey == PrimaryKeyKind.Uuid)
        {
            foreach (var table in physical.Tables.Where(t => (t.RowsPerDay ?? 0) >= 1_000_000))
            {
                warnings.Add(new DesignWarning(WarningSeverity.Warning, table.Name,
                    $"{Capacity.Count(table.RowsPerDay!.Value)} inserts/day with random UUID keys spread writes across the whole key index; generate time-ordered UUIDs (UUIDv7) in the application or use primaryKey: bigint for this volume."));
            }
        }

        if (requirement.Conventions.PrimaryKey == PrimaryKeyKind.Int)
        {
            foreach (var volume in volumes.Where(v => v.ThreeYears > 1_000_000_000))
            {
                warnings.Add(new DesignWarning(WarningSeverity.Warning, volume.Table,
                    "int keys stop at 2,147,483,647 and this table is projected past a billion rows within three years; use primaryKey: bigint."));
            }
        }

        foreach (var pattern in requirement.AccessPatterns.Where(p => p.OrderBy.Count > 0 && p.Limit is null))
        {
            warnings.Add(new DesignWarning(WarningSeverity.Info, pattern.Name,
                "Sorted access without a limit returns every matching row; add limit: so the query can stop early and paginate by keyset."));
        }
    }
}
