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

    public static void Advise(DbRequirement requirement, IDatabaseEngine engine, SchemaModel physical, CapacityForecast forecast, List<DesignDecision> decisions, List<DesignWarning> warnings)
    {
        var volumes = forecast.Tables.Select(TableVolume.Of).ToArray();
        SupportingTechnologies(requirement, physical, volumes, decisions);
        Partitioning(requirement, physical, volumes, decisions);
        QueryPatterns(requirement, physical, decisions);
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

    private static void QueryPatterns(DbRequirement requirement, SchemaModel physical, List<DesignDecision> decisions)
    {
        // Built once: looking each pattern up across all indexes and decisions would make large designs quadratic.
        var indexesServing = physical.Tables.SelectMany(t => t.Indexes).SelectMany(i => i.Serves.Select(s => (Serves: s, i.Name)))
            .ToLookup(x => x.Serves, x => x.Name, StringComparer.Ordinal);
        var servedByKey = decisions.Where(d => d.Area == DesignAreas.Indexing)
            .GroupBy(d => d.Subject, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var emailColumns = requirement.Entities
            .SelectMany(e => e.Attributes.Where(a => a.Type.Kind == LogicalTypeKind.Email).Select(a => (e.Name, ImplicitColumns.MatchKey(a.Name))))
            .ToHashSet(new EntityColumnComparer());
        foreach (var pattern in requirement.AccessPatterns)
        {
            var serves = Serves.AccessPattern(pattern.Name);
            var indexes = indexesServing[serves].ToArray();
            var byKey = servedByKey.GetValueOrDefault(serves);
            var servedBy = indexes.Length > 0 ? string.Join(", ", indexes) : byKey is not null ? byKey.Decision.Replace("Served by ", string.Empty, StringComparison.Ordinal) : "a sequential scan";
            var shape = new List<string>();
            if (pattern.OrderBy.Count > 0 && pattern.Limit is not null)
            {
                shape.Add($"keyset pagination on ({string.Join(", ", pattern.OrderBy.Select(o => o.Column))}) — pass the last row's values instead of OFFSET, so page 1,000 costs what page 1 costs");
            }

            if (pattern.Search.Count > 0)
            {
                shape.Add(pattern.Fuzzy ? "similarity operator (%) ordered by similarity() with a LIMIT" : "websearch_to_tsquery() matched against the indexed tsvector expression");
            }

            if (pattern.Aggregate is not null)
            {
                var bucket = pattern.GroupBy.FirstOrDefault(g => g.Bucket is not null);
                shape.Add(bucket is null ? $"{pattern.Aggregate} grouped by {string.Join(", ", pattern.GroupBy)}" : $"{pattern.Aggregate} per {bucket.Bucket!.Value.ToString().ToLowerInvariant()} with date_trunc, running totals by window functions");
            }

            if (pattern.Where.Any(c => emailColumns.Contains((pattern.Entity, ImplicitColumns.MatchKey(c)))))
            {
                shape.Add("compare e-mail addresses as lower(column) = lower($1) so the case-insensitive index is used");
            }

            decisions.Add(new DesignDecision(DesignAreas.QueryOptimization, pattern.Name, $"Served by {servedBy}",
                (shape.Count == 0 ? "Parameterised query on the indexed columns" : string.Join("; ", shape)) +
                (pattern.PerSecond is { } rate ? $"; expected {N(rate)}/s." : ".")));
        }
    }

    /// <summary>Entity names compare case-insensitively (as the reader resolves them); column match keys exactly.</summary>
    private sealed class EntityColumnComparer : IEqualityComparer<(string Entity, string Column)>
    {
        public bool Equals((string Entity, string Column) x, (string Entity, string Column) y) =>
            string.Equals(x.Entity, y.Entity, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Column, y.Column, StringComparison.Ordinal);

        public int GetHashCode((string Entity, string Column) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Entity), StringComparer.Ordinal.GetHashCode(obj.Column));
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
