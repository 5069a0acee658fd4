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

    /// <summary>One decision per partitioned table (the rule is <see cref="PartitionDecisions"/>), or why none is partitioned.</summary>
    private static void Partitioning(DbRequirement requirement, IDatabaseEngine engine, SchemaModel physical, CapacityForecast forecast, TableVolume[] volumes, List<DesignDecision> decisions)
    {
        var substitute = engine.ScaleOut.PartitioningSubstitute;
        var all = PartitionDecisions.Decide(requirement, physical, forecast, engine.Partitioning?.Rules);
        var builds = engine.Partitioning?.Rules.DesignBuildsPartitions == true;
        foreach (var decision in all.Where(d => d.Partitioned))
        {
            var interval = decision.Sizing!.Interval.Adjective;
            decisions.Add(substitute is not null
                ? new DesignDecision(DesignAreas.Partitioning, decision.Table, $"Split by {decision.Key}, {interval}: {substitute}", decision.Reason)
                : new DesignDecision(DesignAreas.Partitioning, decision.Table, $"Range-partition by {decision.Key}, {interval}",
                    $"{decision.Reason} The primary key includes {decision.Key}. "
                    + (builds
                        ? $"The numbered scripts build it partitioned, with a DEFAULT partition and the maintenance function that creates partitions ahead{(decision.Retention is null ? string.Empty : " and drops expired ones")}; schedule it daily ({engine.Wording.PartitionSchedule})."
                        : "New-PartitionScript writes the plan's scripts.")));
        }

        if (all.Any(d => d.Partitioned))
        {
            return;
        }

        var largest = volumes.OrderByDescending(v => v.AtRetention).FirstOrDefault();
        decisions.Add(new DesignDecision(DesignAreas.Partitioning, "All tables", "No partitioning",
            largest is null || largest.AtRetention == 0
                ? "No volumes were stated; partitioning is considered once an event table approaches " + Capacity.Count(PartitionThresholdRows) + " rows."
                : all.Single(d => d.Table == largest.Table).Reason));
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
