using System.Globalization;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Design;

/// <summary>
/// The architecture around the schema: supporting technologies, partitioning, how each access pattern is served,
/// and (through the engine's operations advisor) tuning, backup, monitoring and security; then the roadmap. Every
/// decision states the figures it was derived from.
/// </summary>
internal static class ArchitectureAdvisor
{
    /// <summary>Projected rows from which a table is range-partitioned by time.</summary>
    internal const long PartitionThresholdRows = 50_000_000;

    public static void Advise(DbRequirement requirement, IDatabaseEngine engine, SchemaModel physical, CapacityForecast forecast, IReadOnlyList<QueryTemplate> queries, List<DesignDecision> decisions, List<DesignWarning> warnings)
    {
        var volumes = forecast.Tables.Select(TableVolume.Of).ToArray();
        SupportingTechnologies(requirement, physical, volumes, decisions);
        Partitioning(requirement, physical, volumes, decisions);
        QueryPatterns(requirement, queries, decisions);
        if (engine is PostgreSqlEngine)
        {
            PostgreSqlOperations.Advise(requirement, physical, volumes, decisions);
        }

        Roadmap(requirement, volumes, decisions);
        Warnings(requirement, physical, volumes, warnings);
    }

    private static string N(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static void SupportingTechnologies(DbRequirement requirement, SchemaModel physical, TableVolume[] volumes, List<DesignDecision> decisions)
    {
        var w = requirement.Workload;
        var readFraction = w.ReadWriteRatio?.ReadFraction;
        var hot = readFraction >= 0.8 && (w.LatencyMs <= 20 || w.Tps >= 1000 || w.ConcurrentUsers >= 1000);
        decisions.Add(hot
            ? new DesignDecision(DesignAreas.SupportingTechnology, "Cache layer", "Redis (cache-aside, short TTLs)",
                $"Reads are {N(readFraction!.Value * 100)}% of traffic with a {Describe(w)} target: caching hot keys (sessions, product pages, counters) takes the repeated reads off the primary.")
            : new DesignDecision(DesignAreas.SupportingTechnology, "Cache layer", "None for now",
                $"The read share ({(readFraction is null ? "not stated" : N(readFraction.Value * 100) + "%")}) and targets ({Describe(w)}) are met by the database's own buffer cache; add Redis when hot reads dominate."));

        var searchRate = requirement.AccessPatterns.Where(p => p.Search.Count > 0).Sum(p => p.PerSecond ?? 0);
        var searchHeavy = searchRate >= 500;
        decisions.Add(requirement.AccessPatterns.Any(p => p.Search.Count > 0)
            ? new DesignDecision(DesignAreas.SupportingTechnology, "Search engine",
                searchHeavy ? "OpenSearch/Elasticsearch fed by change data capture" : "In-database search (trigram / full-text GIN indexes)",
                searchHeavy
                    ? $"Search runs at {N(searchRate)}/s: relevance ranking, facets and that rate belong on a dedicated search cluster, kept in sync from the database's change stream."
                    : $"Search runs at {N(searchRate)}/s, which GIN indexes in the primary serve without a second system to keep in sync.")
            : new DesignDecision(DesignAreas.SupportingTechnology, "Search engine", "None", "No access pattern searches text."));

        var aggregated = requirement.AccessPatterns.Where(p => p.Aggregate is not null).Select(p => p.Entity).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var aggregatedTables = physical.Tables.Where(t => t.SourceEntity is not null && aggregated.Contains(t.SourceEntity)).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var biggest = volumes.Where(v => aggregatedTables.Contains(v.Table)).Select(v => v.AtRetention).DefaultIfEmpty(0).Max();
        var analytics = requirement.Application.Kind == ApplicationKind.Analytics || (aggregated.Count > 0 && biggest >= 100_000_000);
        decisions.Add(new DesignDecision(DesignAreas.SupportingTechnology, "Analytics",
            analytics ? "ClickHouse fed by change data capture" : "In the primary database",
            analytics
                ? $"Aggregates over up to {Capacity.Count(biggest)} rows would compete with transactions; a columnar store answers them in milliseconds."
                : aggregated.Count == 0 ? "No access pattern aggregates." : $"Aggregates cover at most {Capacity.Count(biggest)} rows: covering indexes keep them cheap in the primary."));

        var users = w.ConcurrentUsers ?? 0;
        decisions.Add(users > 200
            ? new DesignDecision(DesignAreas.SupportingTechnology, "Connection pooler", "PgBouncer in transaction mode",
                $"{Capacity.Count(users)} concurrent users would need as many server connections; each costs memory and a process. A pooler multiplexes them onto a few dozen (about 2–4 per CPU core).")
            : new DesignDecision(DesignAreas.SupportingTechnology, "Connection pooler", "Application-side pool",
                $"{(users == 0 ? "Concurrency not stated" : Capacity.Count(users) + " concurrent users")}: the application's own pool is enough."));
    }

    private static string Describe(WorkloadProfile w)
    {
        var parts = new List<string>();
        if (w.LatencyMs is { } l)
        {
            parts.Add($"p95 {N(l)} ms");
        }

        if (w.Tps is { } t)
        {
            parts.Add($"{N(t)} TPS");
        }

        if (w.ConcurrentUsers is { } u)
        {
            parts.Add($"{Capacity.Count(u)} concurrent users");
        }

        return parts.Count == 0 ? "no stated performance targets" : string.Join(", ", parts);
    }

    private static void Partitioning(DbRequirement requirement, SchemaModel physical, TableVolume[] volumes, List<DesignDecision> decisions)
    {
        var any = false;
        var byTable = volumes.ToDictionary(v => v.Table, StringComparer.Ordinal);
        foreach (var table in physical.Tables)
        {
            var volume = byTable[table.Name];
            var created = table.Columns.FirstOrDefault(c => c.Role == ColumnRole.CreatedAt);
            if (volume.AtRetention < PartitionThresholdRows || created is null)
            {
                continue;
            }

            any = true;
            var perDay = table.RowsPerDay ?? 0;
            var perMonth = perDay * 30.44;
            var interval = perMonth > 100_000_000 ? "daily" : perMonth > 10_000_000 ? "weekly" : "monthly";
            var retention = requirement.Workload.Retention is { } r ? $"; partitions older than the {r} retention are detached and dropped, which is instant where DELETE would bloat the table" : string.Empty;
            decisions.Add(new DesignDecision(DesignAreas.Partitioning, table.Name,
                $"Range-partition by {created.Name}, {interval}",
                $"{table.Name} grows by {Capacity.Count(perDay)} rows/day to {Capacity.Count(volume.AtRetention)} rows (~{Capacity.Bytes(volume.BytesAt(volume.AtRetention))}); {interval} partitions keep each partition's indexes small enough to stay in memory and let vacuum work per partition{retention}. The primary key must then include {created.Name}."));
        }

        if (!any)
        {
            var largest = volumes.OrderByDescending(v => v.AtRetention).FirstOrDefault();
            decisions.Add(new DesignDecision(DesignAreas.Partitioning, "All tables", "No partitioning",
                largest is null || largest.AtRetention == 0
                    ? "No volumes were stated; partitioning is considered once a table approaches " + Capacity.Count(PartitionThresholdRows) + " rows."
                    : $"The largest table, {largest.Table}, reaches {Capacity.Count(largest.AtRetention)} rows (~{Capacity.Bytes(largest.BytesAt(largest.AtRetention))}), below the {Capacity.Count(PartitionThresholdRows)}-row point where partition pruning and per-partition maintenance repay their complexity."));
        }
    }

    /// <summary>One decision per access pattern: the index that serves its query, and why (the query is in the design's templates).</summary>
    private static void QueryPatterns(DbRequirement requirement, IReadOnlyList<QueryTemplate> queries, List<DesignDecision> decisions)
    {
        var rates = requirement.AccessPatterns.GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().PerSecond, StringComparer.Ordinal);
        foreach (var query in queries)
        {
            var servedBy = query.Shape == QueryShape.Skipped ? "No query template"
                : query.ServingIndexes.Count > 0 ? "Served by " + string.Join(", ", query.ServingIndexes) : "Served by a sequential scan";
            var rate = rates.GetValueOrDefault(query.AccessPattern) is { } perSecond ? $" Expected {N(perSecond)}/s." : string.Empty;
            decisions.Add(new DesignDecision(DesignAreas.QueryOptimization, query.AccessPattern, servedBy, query.Reason + rate));
        }
    }

    private static void Roadmap(DbRequirement requirement, TableVolume[] volumes, List<DesignDecision> decisions)
    {
        var today = requirement.Workload.Records ?? volumes.Sum(v => v.Today);
        var perDay = requirement.Workload.RecordsPerDay ?? requirement.Entities.Sum(e => e.RowsPerDay ?? 0);
        string When(long threshold) => today >= threshold
            ? "already reached"
            : perDay <= 0 ? "not reached at the stated growth" : $"in about {N(Math.Ceiling((threshold - today) / (double)perDay / 30.44))} months at {Capacity.Count(perDay)} rows/day";

        decisions.Add(new DesignDecision(DesignAreas.ScalabilityRoadmap, "Phase 1 (up to 1M records)", "Single primary with backups and monitoring",
            $"Today {Capacity.Count(today)} records. One well-indexed primary with a standby for failover serves this comfortably."));
        decisions.Add(new DesignDecision(DesignAreas.ScalabilityRoadmap, "Phase 2 (1M–10M records)", "Read replicas for reporting and read-heavy endpoints",
            $"Threshold 1,000,000 records: {When(1_000_000)}. Route read-only traffic that tolerates replication lag to replicas."));
        decisions.Add(new DesignDecision(DesignAreas.ScalabilityRoadmap, "Phase 3 (10M–100M records)", "Caching layer and partitioning of the largest tables",
            $"Threshold 10,000,000 records: {When(10_000_000)}. Cache hot reads; partition time-growing tables so retention is a DROP and indexes stay in memory."));
        var shardKey = requirement.Application.Tenancy == Tenancy.Multi ? "tenant_id (already leading every key and index)" : "the most selective access key of the largest tables";
        decisions.Add(new DesignDecision(DesignAreas.ScalabilityRoadmap, "Phase 4 (100M+ records)", $"Horizontal sharding by {shardKey}",
            $"Threshold 100,000,000 records: {When(100_000_000)}. Shard (for example with Citus) when one primary's write rate or storage becomes the limit."));
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
