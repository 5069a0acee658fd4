using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Partitioning;

/// <summary>Whether a design table is range-partitioned by time, with the interval, the retention that expires it, and why.</summary>
public sealed record PartitionDecision(string Table, bool Partitioned, string? Key, PartitionSizing? Sizing, Retention? Retention, string Reason);

/// <summary>
/// The one rule that decides which tables of a design are partitioned, from the table's role, growth, retention and
/// access patterns: only rows that are events (the audit log, or a growing table no other table references) may
/// expire with a partition; the table must grow and reach <see cref="PartitionPlanner.CandidateRows"/> rows at
/// retention; its unique keys must hold per partition; and when its busiest access pattern does not reach it by time
/// (a time range, an equality on the key, or newest-first order with a limit), every execution visits every partition,
/// so the partitions must stay few.
/// </summary>
public static class PartitionDecisions
{
    /// <summary>Partitions a query that cannot prune may visit before planning and probing them costs more than partitioning saves.</summary>
    public const int MaxUnprunedPartitions = 64;

    public static IReadOnlyList<PartitionDecision> Decide(DbRequirement requirement, SchemaModel physical, CapacityForecast forecast, PartitionRules? rules)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(physical);
        ArgumentNullException.ThrowIfNull(forecast);
        var referenced = physical.Tables
            // A self-reference counts too: a reply points at its parent comment, which must outlive it.
            .SelectMany(t => t.ForeignKeys.Select(f => f.ReferencedTable))
            .ToHashSet(StringComparer.Ordinal);
        return physical.Tables.Select(t => Decide(requirement, physical, forecast, rules, t, referenced.Contains(t.Name))).ToList();
    }

    /// <summary>
    /// The physical model with each partitioned table built as one: the partition key joins the primary key (a
    /// partitioned table's keys must contain it) and <see cref="Table.PartitionBy"/> is spelled as the engine's catalog
    /// prints it. Only for engines whose design scripts build partitioned tables.
    /// </summary>
    public static SchemaModel Apply(SchemaModel physical, IReadOnlyList<PartitionDecision> decisions, Func<string, string> quote)
    {
        ArgumentNullException.ThrowIfNull(physical);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(quote);
        var byTable = decisions.Where(d => d.Partitioned).ToDictionary(d => d.Table, StringComparer.Ordinal);
        if (byTable.Count == 0)
        {
            return physical;
        }

        return physical with
        {
            Tables = physical.Tables.Select(t => byTable.TryGetValue(t.Name, out var d) ? t with
            {
                PrimaryKey = t.PrimaryKey.Columns.Contains(d.Key!, StringComparer.Ordinal) ? t.PrimaryKey : t.PrimaryKey with { Columns = t.PrimaryKey.Columns.Append(d.Key!).ToList() },
                PartitionBy = $"RANGE ({quote(d.Key!)})",
            } : t).ToList(),
        };
    }

    /// <summary>The tables a design partitions.</summary>
    public static IEnumerable<PartitionDecision> Partitioned(DbDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        var rules = Engines.EngineRegistry.Get(design.Engine).Partitioning?.Rules;
        return Decide(design.Requirement, design.Physical, design.CapacityForecast, rules).Where(d => d.Partitioned);
    }

    /// <summary>The retention a partition plan of this design table may expire rows by: the workload's, for event tables only.</summary>
    public static Retention? RetentionFor(DbDesign design, Table table)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(table);
        var referenced = design.Physical.Tables.Any(t => t.ForeignKeys.Any(f => f.ReferencedTable == table.Name));
        return IsEvent(table, referenced) ? design.Requirement.Workload.Retention : null;
    }

    /// <summary>Rows that are events may expire: the audit log, or an entity nothing references (a referenced row is a thing others point at).</summary>
    public static bool IsEvent(Table table, bool referenced)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Kind == TableKind.Audit || (table.Kind == TableKind.Entity && !referenced);
    }

    private static PartitionDecision Decide(DbRequirement requirement, SchemaModel physical, CapacityForecast forecast, PartitionRules? rules, Table table, bool referenced)
    {
        PartitionDecision No(string why) => new(table.Name, false, null, null, null, why);
        var key = PartitionTargets.DefaultKey(table);
        if (key is null)
        {
            return No($"{table.Name} has no time column to partition by.");
        }

        if (!IsEvent(table, referenced))
        {
            var role = table.Kind switch
            {
                TableKind.Junction => "a junction table (its rows link two others and live as long as they do)",
                TableKind.Tenant => "the tenant table",
                _ => "referenced by other tables (its rows are things others point at, not events)",
            };
            return No($"{table.Name} is {role}: its rows never expire, so it is not partitioned by time.");
        }

        var perDay = table.RowsPerDay ?? 0;
        var volume = forecast.For(table.Name) is { } capacity ? TableVolume.Of(capacity) : null;
        if (perDay <= 0 || volume is null)
        {
            return No($"{table.Name} does not grow (0 rows/day): time partitions would stay empty.");
        }

        if (volume.AtRetention < PartitionPlanner.CandidateRows)
        {
            return No($"{table.Name} reaches {Capacity.Count(volume.AtRetention)} rows, below the {Capacity.Count(PartitionPlanner.CandidateRows)}-row point where partition pruning and per-partition maintenance repay their complexity.");
        }

        var retention = requirement.Workload.Retention;
        var target = PartitionTargets.FromTable(table, physical, forecast.For(table.Name));
        var sizing = PartitionSizing.Choose(target, null, retention, PartitionPlanner.DefaultPremake, rules?.MaxPartitions ?? int.MaxValue);
        var hot = requirement.AccessPatterns
            .Where(p => Same(p.Entity, table.SourceEntity ?? table.Name))
            .OrderByDescending(p => p.PerSecond ?? 0)
            .FirstOrDefault();
        if (hot is not null && !ReachesByTime(hot, key) && (sizing.PartitionsAtRetention ?? int.MaxValue) > MaxUnprunedPartitions)
        {
            var count = sizing.PartitionsAtRetention is { } c ? c.ToString("N0", CultureInfo.InvariantCulture) : "an unbounded number of";
            return No($"{table.Name}'s busiest access pattern, {hot.Name}, does not reach it by {key} (no time range, no equality on it, no newest-first order with a limit), so every execution would visit all {count} {sizing.Interval.Adjective} partitions, above {MaxUnprunedPartitions}; New-PartitionScript -Strategy Hash on that pattern's key spreads it instead.");
        }

        if (rules is { UniqueKeysMustContainKey: true } && target.UniqueKeys.FirstOrDefault(u => !u.Columns.Contains(key, StringComparer.Ordinal)) is { } unique)
        {
            return No($"{table.Name} has the unique key {unique.Name} {unique.Text} without {key}; partitioning would move it to a lookup table written by trigger on every insert, so the design keeps the table whole (New-PartitionScript can still partition it and says how the key is kept).");
        }

        var expires = retention is not null ? $"; partitions older than the {retention} retention are detached and dropped, which is instant where DELETE would bloat the table" : string.Empty;
        var access = hot is null ? "No access pattern reads it" : $"Its busiest access pattern, {hot.Name}, reaches it by {key}, so queries read only the newest partitions";
        return new PartitionDecision(table.Name, true, key, sizing, retention,
            $"{table.Name} holds events that grow by {Capacity.Count(perDay)} rows/day to {Capacity.Count(volume.AtRetention)} rows (~{Capacity.Bytes(volume.BytesAt(volume.AtRetention))}); {sizing.Interval.Adjective} partitions keep each partition's indexes small enough to stay in memory{expires}. {access}. {sizing.Arithmetic}");
    }

    /// <summary>True when the pattern reaches the table by the time key: a range on it, an equality on it, or newest-first order with a limit.</summary>
    private static bool ReachesByTime(AccessPatternSpec pattern, string key) =>
        (pattern.Range is { } range && Same(range, key))
        || pattern.Where.Any(w => Same(w, key))
        || (pattern.Limit is not null && pattern.OrderBy.Count > 0 && Same(pattern.OrderBy[0].Column, key));

    private static bool Same(string a, string b) => ImplicitColumns.SameKey(a, b);
}
