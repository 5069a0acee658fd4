using DbArchitect.Core.Design;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.DynamoDb;

/// <summary>
/// Read and write units from the access patterns' rates and the item sizes: a read unit is one strongly consistent read
/// of up to 4 KB per second (an eventually consistent read costs half), a Query is charged for the sum of the items it
/// reads rounded up to 4 KB, a write unit is one write of up to 1 KB, a transactional write costs two, and every GSI an
/// item appears in costs its own write. The mode follows from the totals; every figure's arithmetic is in the reasons.
/// </summary>
internal sealed class DynamoCapacityPlanner
{
    /// <summary>Auto scaling's target utilization: provisioned units = needed units / 0.7.</summary>
    public const double TargetUtilization = 0.7;

    /// <summary>Below this many units per second in total, on-demand costs less than idle provisioned capacity.</summary>
    public const double ProvisionedThreshold = 1000;

    public const int PageBytes = 1024 * 1024;

    /// <summary>Stored bytes DynamoDB adds to every item (and to every index entry) for billing.</summary>
    public const int ItemOverheadBytes = 100;

    /// <summary>Rows assumed of an entity whose requirement states none, for sizes and costs alike.</summary>
    public const long DefaultRows = 1000;

    private readonly DbRequirement _requirement;
    private readonly IReadOnlyList<EntityShape> _shapes;
    private readonly List<DesignDecision> _decisions;
    private readonly List<DesignWarning> _warnings;

    public DynamoCapacityPlanner(DbRequirement requirement, IReadOnlyList<EntityShape> shapes, List<DesignDecision> decisions, List<DesignWarning> warnings)
    {
        _requirement = requirement;
        _shapes = shapes;
        _decisions = decisions;
        _warnings = warnings;
    }

    private EntityShape Shape(string name) => _shapes.First(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Inserts per second of a shape: its rowsPerDay / 86,400, else its share by rows of the workload's recordsPerDay.</summary>
    public double Inserts(EntityShape shape)
    {
        if (shape.RowsPerDay is { } perDay)
        {
            return perDay / 86400.0;
        }

        var totalRows = _shapes.Sum(s => (double)(s.Rows ?? 0));
        return _requirement.Workload.RecordsPerDay is { } records && shape.Rows is { } rows && totalRows > 0
            ? records * (rows / totalRows) / 86400.0
            : 0;
    }

    /// <summary>
    /// Writes per second of a shape: its inserts plus its share (by rows) of the workload's writes beyond all inserts
    /// (tps × the write share of the read:write ratio), which are updates.
    /// </summary>
    public double Writes(EntityShape shape)
    {
        var inserts = Inserts(shape);
        var workload = _requirement.Workload;
        if (workload.Tps is not { } tps || workload.ReadWriteRatio is not { } ratio)
        {
            return inserts;
        }

        var updates = Math.Max(0, tps * (1 - ratio.ReadFraction) - _shapes.Sum(Inserts));
        var totalRows = _shapes.Sum(s => (double)(s.Rows ?? 1));
        return inserts + updates * ((shape.Rows ?? 1) / totalRows);
    }

    /// <summary>Distinct values the equality columns of a key take (parent rows for a foreign key, declared values for an enum).</summary>
    public long Distinct(EntityShape shape, IEnumerable<string> columns)
    {
        var rows = Math.Max(1, shape.Rows ?? DefaultRows);
        long distinct = 1;
        foreach (var name in columns)
        {
            var column = shape.Column(name);
            long values = column switch
            {
                null => rows,
                { Type.Kind: LogicalTypeKind.Bool } => 2,
                { Type.Kind: LogicalTypeKind.Enum } => column.Type.EnumValues.Count,
                { Unique: true } or { Origin: ColumnOrigin.PrimaryKey } => rows,
                { Origin: ColumnOrigin.ForeignKey or ColumnOrigin.JunctionKey or ColumnOrigin.Tenant } =>
                    shape.Parents.FirstOrDefault(p => p.Column == column.Name) is { } parent && _shapes.FirstOrDefault(s => string.Equals(s.Name, parent.Parent, StringComparison.OrdinalIgnoreCase))?.Rows is { } parentRows
                        ? parentRows
                        : Math.Max(1, rows / 10),
                _ => rows,
            };
            distinct = Math.Min(rows, checked(distinct * Math.Max(1, values)));
        }

        return distinct;
    }

    public static int WriteUnits(int bytes) => Math.Max(1, (bytes + 1023) / 1024);

    /// <summary>Read units of reading <paramref name="bytes"/> in one request: rounded up to 4 KB, half when eventually consistent.</summary>
    public static double ReadUnits(long bytes, bool consistent) => Math.Max(1, (bytes + 4095) / 4096) * (consistent ? 1.0 : 0.5);

    /// <summary>The rate of each pattern: stated perSecond, else an equal share of the workload's reads not stated, else 1 per second (assumed).</summary>
    public (double Rate, string Basis) Rate(AccessPatternSpec pattern)
    {
        if (pattern.PerSecond is { } stated)
        {
            return (stated, "stated perSecond");
        }

        var workload = _requirement.Workload;
        var unstated = _requirement.AccessPatterns.Count(p => p.PerSecond is null);
        if (workload.Tps is { } tps && workload.ReadWriteRatio is { } ratio)
        {
            var left = Math.Max(0, tps * ratio.ReadFraction - _requirement.AccessPatterns.Sum(p => p.PerSecond ?? 0));
            return (left / unstated, InvariantText.Format($"share of tps {tps:0.##} × read share {ratio.ReadFraction:0.##} left by the stated patterns, over {unstated} unstated patterns"));
        }

        return (1, "assumed 1 per second (no rate stated)");
    }

    public (IReadOnlyList<ItemType> Types, IReadOnlyList<AccessPath> Paths, DynamoCapacity Capacity) Plan(
        IReadOnlyList<ItemType> types, IReadOnlyList<AccessPath> paths, IReadOnlyList<DynamoIndex> globals, IReadOnlyList<DynamoIndex> locals)
    {
        var sized = new List<ItemType>();
        foreach (var type in types)
        {
            var shape = Shape(type.Entity);
            var writes = type.Kind switch
            {
                ItemKind.Uniqueness => Inserts(shape),
                ItemKind.Aggregate => Writes(shape) / 100,
                _ => Writes(shape),
            };
            var units = WriteUnits(type.TypicalBytes) * (type.Transactional ? 2 : 1);
            sized.Add(type with { WritesPerSecond = writes, WriteUnitsPerWrite = units });
        }

        var inserts = _shapes.Sum(Inserts);
        var writesTotal = _shapes.Sum(Writes);
        _decisions.Add(new DesignDecision(DesignAreas.PerformanceTuning, "Writes",
            InvariantText.Format($"{writesTotal:0.##} item writes/s: {inserts:0.##} inserts and {writesTotal - inserts:0.##} updates"),
            InvariantText.Format($"Inserts are each entity's rowsPerDay / 86,400 s") + (_requirement.Workload.Tps is { } tps && _requirement.Workload.ReadWriteRatio is { } ratio
                ? InvariantText.Format($"; the workload's writes are tps {tps:0.##} × write share {1 - ratio.ReadFraction:0.##} = {tps * (1 - ratio.ReadFraction):0.##}/s, and what exceeds the inserts is spread over the entities by rows as updates")
                : "; no tps and read:write ratio are stated, so no updates are assumed")
                + "; each write costs its item's size in 1 KB units (twice in a transaction) plus the same in every GSI the item appears in."));
        var costed = paths.Select(p => Cost(p, sized)).ToList();
        var indexes = new List<IndexCapacity>();
        foreach (var index in globals)
        {
            var reads = costed.Where(p => p.Index == index.Name).Sum(p => p.PerSecond * p.ReadUnitsPerRequest * p.Shards);
            var writes = sized.Where(t => t.Indexes.Any(k => k.Index == index.Name)).Sum(t => IndexWrites(t, index.Name) * WriteUnits(t.TypicalBytes));
            indexes.Add(new IndexCapacity(index.Name, Math.Round(reads, 2), Math.Round(writes, 2), Provisioned(reads), Provisioned(writes)));
        }

        var localNames = locals.Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        // A Scan is not provisioned for: at its stated rate it belongs to the search engine (a warning says so); its template serves rare reads.
        var tableReads = costed.Where(p => p.Kind is AccessKind.Query or AccessKind.Aggregate && (p.Index is null || localNames.Contains(p.Index)))
            .Sum(p => p.PerSecond * p.ReadUnitsPerRequest * p.Shards);
        // LSI entries are written in the table's own capacity.
        var tableWrites = sized.Sum(t => t.WritesPerSecond * (t.WriteUnitsPerWrite + t.Indexes.Count(k => localNames.Contains(k.Index)) * WriteUnits(t.TypicalBytes)));
        var stated = _requirement.Workload.Tps is not null || _requirement.AccessPatterns.Any(p => p.PerSecond is not null);
        var totalReads = tableReads + indexes.Sum(i => i.ReadUnits);
        var totalWrites = tableWrites + indexes.Sum(i => i.WriteUnits);
        var provisioned = stated && totalReads + totalWrites >= ProvisionedThreshold;
        var mode = provisioned ? "PROVISIONED" : "PAY_PER_REQUEST";
        var stored = checked(sized.Where(t => t.Kind is ItemKind.Entity or ItemKind.Edge or ItemKind.Uniqueness)
            .Sum(t => (Shape(t.Entity).Rows ?? DefaultRows) * (t.TypicalBytes + ItemOverheadBytes) * (1 + t.Indexes.Count)));
        var basis = InvariantText.Format($"reads {totalReads:0.##} RCU/s (table {tableReads:0.##}, GSIs {indexes.Sum(i => i.ReadUnits):0.##}), writes {totalWrites:0.##} WCU/s (table {tableWrites:0.##}, GSIs {indexes.Sum(i => i.WriteUnits):0.##})");
        _decisions.Add(new DesignDecision(DesignAreas.PerformanceTuning, "Capacity mode", provisioned
                ? InvariantText.Format($"Provisioned with auto scaling (target {TargetUtilization:P0}): {Provisioned(tableReads)} RCU / {Provisioned(tableWrites)} WCU on the table")
                : "On-demand (PAY_PER_REQUEST)",
            provisioned
                ? basis + InvariantText.Format($"; a steady load of {totalReads + totalWrites:N0} units/s costs less provisioned than per request; provisioned = needed / {TargetUtilization} so auto scaling has headroom for bursts.")
                : basis + (stated
                    ? InvariantText.Format($"; under {ProvisionedThreshold:N0} units/s in total idle provisioned capacity would cost more than paying per request, and on-demand absorbs spikes up to double the previous peak.")
                    : "; no rates are stated, so on-demand pays for what is used until the load is known.")));
        var capacity = new DynamoCapacity(mode, Math.Round(tableReads, 2), Math.Round(tableWrites, 2), Provisioned(tableReads), Provisioned(tableWrites), indexes, stored, basis);
        return (sized, costed, capacity);
    }

    /// <summary>
    /// Index writes per second of an item type: one per item write, and a second for each update of an entry that moves
    /// (its keys hold a position, so the index deletes the old entry and puts the new one); said in a decision.
    /// </summary>
    private double IndexWrites(ItemType type, string index)
    {
        var keys = type.Indexes.First(k => k.Index == index);
        if (!keys.Moves)
        {
            return type.WritesPerSecond;
        }

        var shape = Shape(type.Entity);
        var updates = Math.Max(0, type.WritesPerSecond - Inserts(shape));
        var units = WriteUnits(type.TypicalBytes);
        _decisions.Add(new DesignDecision(DesignAreas.PerformanceTuning, index + " writes of " + type.Entity,
            InvariantText.Format($"({type.WritesPerSecond - updates:0.###} inserts + 2 × {updates:0.###} updates)/s × {units} WCU = {(type.WritesPerSecond + updates) * units:0.##} WCU/s"),
            InvariantText.Format($"The index entry is the whole item (projection ALL, {type.TypicalBytes:N0} B typical, {units} WCU per write). Every update is taken to move the position, which changes the entry's sort key (the full geohash) and, past a cell edge, its partition key: DynamoDB then deletes the old entry and puts the new one, two index writes per update; an insert writes one.")));
        return type.WritesPerSecond + updates;
    }

    public static long Provisioned(double units) => Math.Max(1, (long)Math.Ceiling(units / TargetUtilization));

    private AccessPath Cost(AccessPath path, IReadOnlyList<ItemType> types)
    {
        var pattern = _requirement.AccessPatterns.First(p => p.Name == path.Pattern);
        var (rate, basis) = Rate(pattern);
        var type = types.First(t => t.Name == path.ItemType);
        var shape = Shape(path.Entity);
        var size = Math.Max(1, type.TypicalBytes);
        var consistent = path.Kind == AccessKind.Query && (path.Index is null || path.Index.StartsWith("LSI", StringComparison.Ordinal))
            && shape.Columns.Any(c => c.Type.Kind is LogicalTypeKind.Money or LogicalTypeKind.Decimal);
        long items;
        string reason;
        switch (path.Kind)
        {
            case AccessKind.Search:
                return path with { PerSecond = rate, PerSecondBasis = basis };
            case AccessKind.Scan:
                items = _shapes.Sum(s => s.Rows ?? DefaultRows);
                var tableBytes = checked(types.Where(t => t.Kind != ItemKind.Aggregate).Sum(t => (Shape(t.Entity).Rows ?? DefaultRows) * (long)t.TypicalBytes));
                var scanUnits = ReadUnits(tableBytes, false);
                _decisions.Add(new DesignDecision(DesignAreas.QueryOptimization, path.Pattern + " cost",
                    InvariantText.Format($"{scanUnits:N1} RCU per Scan"),
                    InvariantText.Format($"The Scan reads the whole table ({tableBytes:N0} bytes typical) in 1 MB pages at 0.5 RCU per 4 KB, whatever the filter keeps; at {rate:0.##}/s that is {scanUnits * rate:N0} RCU/s, which is why the search engine should serve it and the capacity leaves it out.")));
                if (scanUnits * rate > ProvisionedThreshold)
                {
                    _warnings.Add(new DesignWarning(WarningSeverity.Warning, path.Pattern,
                        InvariantText.Format($"'{path.Pattern}' as a Scan would take {scanUnits * rate:N0} RCU/s at {rate:0.##}/s: serve it from the search engine fed by the stream, and keep the Scan for rare reads.")));
                }

                return path with { PerSecond = rate, PerSecondBasis = basis, ItemsPerRequest = (int)Math.Min(int.MaxValue, items), ReadUnitsPerRequest = scanUnits };
            case AccessKind.Query when path.Near is { } near:
                var perShard = Math.Max(1, (long)Math.Ceiling(near.ItemsPerCell / path.Shards));
                var cellUnits = ReadUnits(checked(perShard * size), false);
                _decisions.Add(new DesignDecision(DesignAreas.PerformanceTuning, path.Pattern + " reads",
                    InvariantText.Format($"9 cells × {path.Shards} shard(s) × {cellUnits:0.#} RCU × {rate:0.##}/s = {9 * path.Shards * cellUnits * rate:0.##} RCU/s"),
                    InvariantText.Format($"A cell's shard holds about {perShard} items of {size} B at the busiest density = {perShard * size:N0} B rounded up to 4 KB units, eventually consistent (half a unit per 4 KB), the only kind a GSI offers; each of the 9 cells and each shard is its own Query, charged on its own; rate: {basis}.")));
                return path with { PerSecond = rate, PerSecondBasis = basis, ItemsPerRequest = (int)Math.Min(int.MaxValue, 9 * perShard * path.Shards), ReadUnitsPerRequest = 9 * cellUnits };
            case AccessKind.Aggregate:
                var buckets = pattern.GroupBy.FirstOrDefault()?.Bucket switch
                {
                    TimeBucket.Hour => 24,
                    TimeBucket.Day => 31,
                    TimeBucket.Week => 13,
                    TimeBucket.Month => 12,
                    TimeBucket.Year => 5,
                    _ => pattern.GroupBy.Count == 0 ? 1 : 50,
                };
                items = pattern.Limit is { } cap ? Math.Min(cap, buckets) : buckets;
                reason = InvariantText.Format($"{items} aggregate items of {size} B (one per bucket) per shard");
                break;
            default:
                var columns = (path.PartitionKey?.Attributes ?? Array.Empty<string>()).Concat(path.SortCondition == "begins_with" ? path.SortPrefix?.Attributes ?? Array.Empty<string>() : Array.Empty<string>())
                    .Where(a => a != DynamoDbKeys.ShardAttribute && !(shape.TenantScoped && a == ImplicitColumns.TenantId));
                var matches = Math.Max(1, (shape.Rows ?? DefaultRows) / Distinct(shape, columns) / path.Shards);
                var page = Math.Max(1, PageBytes / size);
                items = Math.Min(Math.Min(matches, page), pattern.Limit ?? long.MaxValue);
                reason = InvariantText.Format($"{items} items of {size} B (") + (pattern.Limit is { } limit && limit <= Math.Min(matches, page)
                    ? InvariantText.Format($"the limit {limit}")
                    : matches <= page ? InvariantText.Format($"{shape.Rows ?? DefaultRows:N0} rows over {Distinct(shape, columns):N0} key values") : "one 1 MB page") + ")";
                break;
        }

        var units = ReadUnits(checked(items * size), consistent);
        _decisions.Add(new DesignDecision(DesignAreas.PerformanceTuning, path.Pattern + " reads",
            InvariantText.Format($"{units:0.#} RCU per request × {path.Shards} shard(s) × {rate:0.##}/s = {units * path.Shards * rate:0.##} RCU/s"),
            InvariantText.Format($"{reason} = {items * size:N0} B rounded up to 4 KB units, ") + (consistent
                ? "strongly consistent (1 unit per 4 KB): a money amount read right after it is written must be the new one"
                : "eventually consistent (half a unit per 4 KB)" + (path.Index is { } i && i.StartsWith("GSI", StringComparison.Ordinal) ? ", the only kind a GSI offers" : ": a page read a moment after a write may miss it for about a second")) + "; rate: " + basis + "."));
        return path with { PerSecond = rate, PerSecondBasis = basis, ConsistentRead = consistent, ItemsPerRequest = (int)items, ReadUnitsPerRequest = units };
    }
}
