using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Partitioning;

/// <summary>
/// The one place partition plans are made (New-PartitionScript and the design's partitioning decision): key,
/// strategy, interval from the forecast, boundaries, retention, and the engine's rules on keys, foreign keys and
/// partition counts. Engines only spell the plan.
/// </summary>
public static class PartitionPlanner
{
    public const int DefaultPremake = 4;

    /// <summary>Hash partitions are sized like range partitions: the table at retention over the band's upper size.</summary>
    private const int MinHashPartitions = 4;

    /// <summary>Projected rows from which the design range-partitions an event table by time.</summary>
    public const long CandidateRows = 50_000_000;

    /// <summary>The tables a design partitions (see <see cref="PartitionDecisions"/>, the one rule).</summary>
    public static IEnumerable<string> Candidates(DbDesign design) => PartitionDecisions.Partitioned(design).Select(d => d.Table);

    public static PartitionScript Script(IDatabaseEngine engine, PartitionTarget target, PartitionRequest request)
    {
        var partitioning = EngineOf(engine);
        var plan = Plan(engine.Id, partitioning.Rules, target, request);
        return new PartitionScript(plan, partitioning.Steps(plan));
    }

    public static IPartitionEngine EngineOf(IDatabaseEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return engine.Partitioning ?? throw Error("PartitioningNotSupported", ErrorKind.NotImplemented,
            $"{engine.DisplayName} has no declarative partitioning.",
            $"Use -Engine {OneOf(EngineRegistry.All.Where(e => e.Partitioning is not null).Select(e => e.Id).ToList())}; on this engine split the table by time into separate tables.", engine.Id);
    }

    /// <summary>"a, b or c".</summary>
    private static string OneOf(IReadOnlyList<string> ids) =>
        ids.Count < 2 ? string.Join(string.Empty, ids) : string.Join(", ", ids.Take(ids.Count - 1)) + " or " + ids[^1];

    /// <summary>Every mode some registered engine offers, as the engines spell them (an unsupported mode is named that way).</summary>
    private static IEnumerable<string> KnownModes =>
        EngineRegistry.All.Select(e => e.Partitioning).OfType<IPartitionEngine>().SelectMany(p => p.Rules.Modes).Select(m => m.Name).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// The modes <paramref name="engineId"/> offers, as it spells them; every registered engine's modes when the engine is
    /// not named or has no partitioning (tab completion offers only what the engine can plan).
    /// </summary>
    public static IReadOnlyList<string> ModesOf(string? engineId)
    {
        var engine = engineId is null ? null : EngineRegistry.All.FirstOrDefault(e => string.Equals(e.Id, engineId, StringComparison.OrdinalIgnoreCase));
        return engine?.Partitioning is { } partitioning
            ? partitioning.Rules.Modes.Select(m => m.Name).ToArray()
            : KnownModes.ToArray();
    }

    public static PartitionPlan Plan(string engineId, PartitionRules rules, PartitionTarget target, PartitionRequest request)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(request);
        var reasons = new List<string>();
        var warnings = new List<string>();

        var mode = rules.Modes.FirstOrDefault(m => string.Equals(m.Name, request.Mode, StringComparison.OrdinalIgnoreCase));
        if (mode is null)
        {
            var named = KnownModes.FirstOrDefault(m => string.Equals(m, request.Mode, StringComparison.OrdinalIgnoreCase)) ?? request.Mode;
            throw Error("PartitionModeNotSupported", ErrorKind.InvalidArgument,
                $"Mode {named} is not available on {engineId}.", $"Use -Mode {string.Join(" or -Mode ", rules.Modes)}.", named);
        }

        if (!rules.Strategies.Contains(request.Strategy))
        {
            throw Error("PartitionStrategyNotSupported", ErrorKind.InvalidArgument,
                $"{request.Strategy} partitioning is not available on {engineId} in mode {mode}.", $"Use -Strategy {string.Join(" or ", rules.Strategies)}.", request.Strategy);
        }

        var key = request.Column ?? target.DefaultKey ?? throw Error("PartitionKeyMissing", ErrorKind.InvalidArgument,
            $"Table {target.Name} has no time column to partition by.", "Name the partition key with -Column.", target.Name);
        if (!target.HasColumn(key))
        {
            throw Error("PartitionKeyNotFound", ErrorKind.ObjectNotFound,
                $"Table {target.Name} has no column '{key}'.", $"Use one of: {string.Join(", ", target.Columns.Select(c => c.Name))}.", key);
        }

        var kind = target.KindOf(key);
        var premake = request.Premake ?? DefaultPremake;
        var retention = request.Retention;
        PartitionInterval? interval = null;
        PartitionSizing? sizing = null;
        var hash = 0;
        IReadOnlyList<string> values = Array.Empty<string>();

        switch (request.Strategy)
        {
            case PartitionStrategy.Range:
                if (kind is not (PartitionKeyKind.Timestamp or PartitionKeyKind.Date or PartitionKeyKind.Integer))
                {
                    throw Error("PartitionKeyNotRangeable", ErrorKind.InvalidArgument,
                        $"Column {key} ({target.NativeTypeOf(key)}) cannot be range-partitioned: ranges need a timestamp, date or integer key.",
                        "Use -Strategy List or -Strategy Hash for this column, or choose a time column with -Column.", key);
                }

                if (kind == PartitionKeyKind.Integer && request.Interval is not { IsCalendar: false })
                {
                    throw Error("PartitionWidthMissing", ErrorKind.InvalidArgument,
                        $"Column {key} is an integer: a range plan on it needs a numeric width.", "Pass -Interval with a whole number, e.g. -Interval 1000000.", key);
                }

                if (kind != PartitionKeyKind.Integer && request.Interval is { IsCalendar: false })
                {
                    throw Error("PartitionWidthOnTime", ErrorKind.InvalidArgument,
                        $"Column {key} holds times; a numeric width applies to integer keys only.", "Pass -Interval Day, Week, Month, Quarter or Year.", key);
                }

                sizing = PartitionSizing.Choose(target, request.Interval, retention, premake, rules.MaxPartitions);
                interval = sizing.Interval;
                reasons.Add(sizing.Arithmetic);
                if (retention is not null && interval.IsCalendar)
                {
                    reasons.Add($"Retention is aligned to partition boundaries: a partition is removed once its upper bound is older than {retention}, so a row is kept at least {retention} and at most {retention} plus one {interval.Name}; removing a partition is instant where DELETE would bloat the table.");
                }
                else if (retention is not null)
                {
                    warnings.Add("Retention applies to time ranges only; it is ignored for a numeric range key.");
                    retention = null;
                }

                if (sizing.PartitionsAtRetention is { } count && count > rules.MaxPartitions)
                {
                    throw Error("PartitionLimitExceeded", ErrorKind.InvalidArgument,
                        $"{count} {interval.Name} partitions would exceed {engineId}'s limit of {rules.MaxPartitions.ToString("N0", CultureInfo.InvariantCulture)} partitions per table ({sizing.Arithmetic})",
                        "Use a longer -Interval or a shorter -Retention.", count);
                }

                break;
            case PartitionStrategy.List:
                values = request.ListValues is { Count: > 0 } given ? given
                    : target.EnumValues.TryGetValue(key, out var members) ? members
                    : throw Error("PartitionListValuesMissing", ErrorKind.InvalidArgument,
                        $"A list plan on {key} needs its values.", "Pass -Values 'a','b', or choose an enum column.", key);
                reasons.Add($"One partition per value of {key} ({string.Join(", ", values)}) and a DEFAULT partition for values added later; queries filtering on {key} read only their value's partition.");
                retention = null;
                break;
            default:
                hash = request.HashPartitions ?? HashCount(target);
                reasons.Add(request.HashPartitions is not null
                    ? $"{hash} hash partitions were given."
                    : target.TotalBytes is { } total
                        ? $"{hash} hash partitions: the table reaches {Capacity.Bytes(total)}; / {Capacity.Bytes(PartitionSizing.MaxBytes)} per partition rounded up to a power of two (at least {MinHashPartitions}) spreads writes and vacuum evenly; hash partitions cannot expire by age, so there is no retention."
                        : $"{hash} hash partitions (the default: no volume is known); hash partitions cannot expire by age, so there is no retention.");
                retention = null;
                break;
        }

        if (hash > rules.MaxPartitions || values.Count + 1 > rules.MaxPartitions)
        {
            throw Error("PartitionLimitExceeded", ErrorKind.InvalidArgument,
                $"The plan needs more partitions than {engineId}'s limit of {rules.MaxPartitions}.", "Use fewer -HashPartitions or values.", target.Name);
        }

        var (primaryKey, uniques, lookups, changes) = Keys(rules, target, key, engineId, warnings);
        if (target.Exists && target.PrimaryKey is null && mode.ConversionNeedsPrimaryKey)
        {
            throw Error("ConversionNeedsPrimaryKey", ErrorKind.InvalidData,
                $"Table {target.Name} has no primary key: the online copy pages through it by key and the sync trigger finds changed rows by key.",
                "Add a primary key (or a unique not-null column promoted to one) first.", target.Name);
        }

        var start = request.Start ?? (interval is { IsCalendar: true } && target.KeyMin is { } min ? interval.Floor(min) : null);
        var boundaries = Boundaries(target, request.Strategy, interval, start, premake, values, hash, warnings);
        if (boundaries.Count > rules.MaxPartitions)
        {
            throw Error("PartitionLimitExceeded", ErrorKind.InvalidArgument,
                $"The existing data spans {boundaries.Count} {interval?.Name} partitions, above {engineId}'s limit of {rules.MaxPartitions.ToString("N0", CultureInfo.InvariantCulture)}.",
                "Use a longer -Interval.", boundaries.Count);
        }

        if (start is null && request.Strategy == PartitionStrategy.Range && interval is { IsCalendar: true })
        {
            reasons.Add($"No -Start was given: the maintenance routine runs once at the end of the script and creates the current {interval.Name}'s partition and {premake} ahead, relative to the day it runs, so the script text stays the same every time it is generated.");
        }
        else if (request.Strategy == PartitionStrategy.Range)
        {
            reasons.Add($"Premake {premake}: the maintenance routine keeps {premake} partitions ahead of the current one, so inserts never find a missing partition even if maintenance fails for {premake} {interval?.Name}s.");
        }

        if (target.Exists)
        {
            reasons.Add($"Table {target.Name} exists{(target.Rows is { } rows ? $" with about {Capacity.Count(rows)} rows" : string.Empty)}: the steps convert it online (copy, sync, verify, swap) instead of creating it.");
        }

        return new PartitionPlan(engineId, mode.Name, target, request.Strategy, key, kind, interval, start, boundaries, premake,
            retention, hash, values, primaryKey, uniques, changes, sizing, reasons, warnings)
        {
            Lookups = lookups,
            PartmanVersion = request.PartmanVersion,
            MemoryGb = request.MemoryGb,
            Database = request.Database,
        };
    }

    private static int HashCount(PartitionTarget target)
    {
        var needed = target.TotalBytes is { } total ? (int)Math.Ceiling(total / (double)PartitionSizing.MaxBytes) : MinHashPartitions;
        var count = MinHashPartitions;
        while (count < needed)
        {
            count *= 2;
        }

        return count;
    }

    /// <summary>
    /// The primary key and unique constraints as the engine allows them, the keys a lookup table keeps instead, and
    /// every change made, with its reason. A generated surrogate key (identity, sequence, random UUID) stays unique by
    /// generation once the partition key joins it; every other uniqueness that cannot hold per partition is kept by a
    /// lookup table where the engine can, and otherwise dropped with a warning that says how to keep it.
    /// </summary>
    private static (IReadOnlyList<string> PrimaryKey, IReadOnlyList<TargetKey> Uniques, IReadOnlyList<TargetKey> Lookups, IReadOnlyList<ConstraintChange> Changes) Keys(
        PartitionRules rules, PartitionTarget target, string key, string engineId, List<string> warnings)
    {
        var changes = new List<ConstraintChange>();
        var primaryKey = target.PrimaryKey?.Columns.ToList() ?? new List<string>();
        var uniques = new List<TargetKey>();
        var lookups = new List<TargetKey>();
        if (rules.UniqueKeysMustContainKey && target.PrimaryKey is { } pk && !pk.Columns.Contains(key, StringComparer.Ordinal))
        {
            primaryKey.Add(key);
            var becomes = $"primary key ({string.Join(", ", pk.Columns)}) becomes ({string.Join(", ", primaryKey)})";
            if (pk.Generated)
            {
                changes.Add(new ConstraintChange(pk.Name, target.Name, becomes,
                    $"{engineId} enforces uniqueness per partition, so a partitioned table's primary key must contain the partition key {key}. {string.Join(", ", pk.Columns)} alone is no longer checked across partitions; its values stay unique because the engine generates them (identity or UUID), and lookups by {string.Join(", ", pk.Columns)} still use the key's index."));
            }
            else if (rules.KeepsUniquenessByLookup)
            {
                lookups.Add(pk);
                changes.Add(new ConstraintChange(pk.Name, target.Name, becomes + $"; ({string.Join(", ", pk.Columns)}) stays unique through a lookup table",
                    LookupReason(engineId, target.Name, key, pk)));
            }
            else
            {
                changes.Add(new ConstraintChange(pk.Name, target.Name, becomes, NotKeptReason(engineId, key, pk)));
                warnings.Add($"Primary key ({string.Join(", ", pk.Columns)}) on {target.Name} is no longer unique across partitions; see the constraint changes.");
            }
        }

        foreach (var unique in target.UniqueKeys.Where(u => !string.Equals(u.Name, target.PrimaryKey?.Name, StringComparison.Ordinal)))
        {
            if (!rules.UniqueKeysMustContainKey || unique.Columns.Contains(key, StringComparer.Ordinal))
            {
                // A unique index that holds per partition is recreated with the other indexes.
                if (!unique.IsIndex)
                {
                    uniques.Add(unique);
                }

                continue;
            }

            if (rules.KeepsUniquenessByLookup)
            {
                lookups.Add(unique);
                changes.Add(new ConstraintChange(unique.Name, target.Name, $"unique {unique.Text} is kept by a lookup table", LookupReason(engineId, target.Name, key, unique)));
                continue;
            }

            changes.Add(new ConstraintChange(unique.Name, target.Name, $"unique {unique.Text} is dropped", NotKeptReason(engineId, key, unique)));
            warnings.Add($"Unique {unique.Text} on {target.Name} cannot be kept on the partitioned table; see the constraint changes.");
        }

        if (!rules.ForeignKeysAllowed)
        {
            foreach (var fk in target.ForeignKeys)
            {
                changes.Add(new ConstraintChange(fk.Name, fk.Table, $"foreign key ({string.Join(", ", fk.Columns)}) → {fk.ReferencedTable} is dropped",
                    $"{engineId} partitioned tables cannot have foreign keys. What replaces it: the application checks {fk.ReferencedTable} in the same transaction, and the orphan check step lists rows whose {string.Join(", ", fk.Columns)} has no {fk.ReferencedTable} row."));
            }
        }

        foreach (var fk in target.ReferencedBy.Where(f => !string.Equals(f.Table, target.Name, StringComparison.Ordinal) || !rules.ForeignKeysAllowed))
        {
            if (!rules.ReferencedKeysAllowed)
            {
                changes.Add(new ConstraintChange(fk.Name, fk.Table, $"foreign key {fk.Table}({string.Join(", ", fk.Columns)}) → {target.Name} is dropped",
                    $"{engineId} partitioned tables cannot be referenced by foreign keys. What replaces it: the application checks {target.Name} before writing {fk.Table}, and the orphan check step lists rows of {fk.Table} without a {target.Name} row."));
            }
            else if (rules.UniqueKeysMustContainKey && !KeyMatches(primaryKey, uniques, fk.ReferencedColumns))
            {
                var referenced = string.Join(", ", fk.ReferencedColumns);
                warnings.Add($"Foreign key {fk.Name} on {fk.Table} references {target.Name}({referenced}), which cannot be re-pointed to the partitioned table: {engineId} lets a foreign key reference a partitioned table only through its primary key or a unique constraint, and those must include the partition key {key}, which ({referenced}) does not. "
                    + $"It keeps referencing the old table, and dropping the old table refuses while it exists: add {key} to {fk.Table} and reference ({string.Join(", ", fk.ReferencedColumns.Append(key))}), or drop the foreign key and check in the application.");
            }
        }

        return (primaryKey, uniques, lookups, changes);
    }

    private static string LookupReason(string engineId, string table, string key, TargetKey unique) =>
        $"{engineId} enforces uniqueness per partition only, and adding {key} to {unique.Text} would change what it means (the same value could repeat in another period). "
        + $"It stays enforced across all partitions by an unpartitioned lookup table holding {string.Join(", ", unique.Reads)} and the row's key, with the same unique index {unique.Text}: "
        + $"a trigger on {table} writes it in the same transaction, so a duplicate fails as before, naming {unique.Name}. "
        + "Trade-off: every insert, key change and delete writes one more row and index entry, and the lookup is not partitioned, so it grows with the table (maintenance removes the keys of expired partitions).";

    private static string NotKeptReason(string engineId, string key, TargetKey unique) =>
        $"{engineId} cannot enforce uniqueness of {unique.Text} across partitions, and adding {key} would change what it means (the same value could repeat in another period). "
        + $"To keep it, enforce it in a small unpartitioned lookup table with its own unique {unique.Text}, written by a trigger in the same transaction (one more row and index entry per write), or keep this table unpartitioned.";

    /// <summary>True when the primary key or one unique key has exactly these columns (in any order), so a foreign key can reference them.</summary>
    public static bool KeyMatches(IReadOnlyList<string> primaryKey, IReadOnlyList<TargetKey> uniques, IReadOnlyList<string> columns) =>
        new[] { primaryKey }.Concat(uniques.Select(u => u.Columns))
            .Any(k => k.Count > 0 && k.Count == columns.Count && k.All(c => columns.Contains(c, StringComparer.Ordinal)));

    private static List<PartitionBoundary> Boundaries(PartitionTarget target, PartitionStrategy strategy, PartitionInterval? interval, DateTime? start, int premake,
        IReadOnlyList<string> values, int hash, List<string> warnings)
    {
        var list = new List<PartitionBoundary>();
        switch (strategy)
        {
            case PartitionStrategy.List:
                list.AddRange(values.Select(v => new PartitionBoundary(Suffix(v), null, null, new[] { v })));
                return list;
            case PartitionStrategy.Hash:
                list.AddRange(Enumerable.Range(0, hash).Select(i => new PartitionBoundary("h" + i.ToString(CultureInfo.InvariantCulture), null, null, Array.Empty<string>())));
                return list;
        }

        if (interval is { IsCalendar: false })
        {
            var low = interval.Floor(target.KeyMinNumber ?? 0);
            var high = interval.Floor(target.KeyMaxNumber ?? 0) + (interval.Width * premake);
            for (var from = low; from <= high; from += interval.Width)
            {
                list.Add(new PartitionBoundary("p" + from.ToString(CultureInfo.InvariantCulture), from.ToString(CultureInfo.InvariantCulture), (from + interval.Width).ToString(CultureInfo.InvariantCulture), Array.Empty<string>()));
            }

            return list;
        }

        if (start is null || interval is null)
        {
            return list;
        }

        var last = interval.Floor(target.KeyMax ?? start.Value);
        for (var i = 0; i < premake; i++)
        {
            last = interval.Next(last);
        }

        for (var from = interval.Floor(start.Value); from <= last; from = interval.Next(from))
        {
            list.Add(new PartitionBoundary("p" + interval.Suffix(from), Date(from), Date(interval.Next(from)), Array.Empty<string>()));
            if (list.Count > 100_000)
            {
                warnings.Add("The key range spans more than 100,000 partitions; only the first were listed.");
                break;
            }
        }

        return list;
    }

    private static string Date(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A partition name suffix from a list value: letters and digits kept, the rest as underscores.</summary>
    private static string Suffix(string value) =>
        new string(value.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').Take(40).ToArray()) is { Length: > 0 } s ? s : "empty";

    private static DbArchitectException Error(string id, ErrorKind kind, string message, string fix, object? target) =>
        new(new DbArchitectError(id, kind, message, fix, null, target));
}
