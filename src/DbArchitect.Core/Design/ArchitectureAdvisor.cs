using System.Globalization;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Model;
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
    internal const long PartitionThresholdRows = 50_000_000;

    public static void Advise(DbRequirement requirement, IDatabaseEngine engine, SchemaModel physical, CapacityForecast forecast, List<DesignDecision> decisions, List<DesignWarning> warnings)
    {
        var volumes = forecast.Tables.Select(TableVolume.Of).ToArray();
        Partitioning(requirement, physical, volumes, decisions);
        QueryPatterns(requirement, physical, decisions);
        if (engine is PostgreSqlEngine)
        {
            PostgreSqlOperations.Advise(requirement, physical, volumes, decisions);
        }

        Warnings(requirement, physical, volumes, warnings);
    }

    private static string N(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

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
