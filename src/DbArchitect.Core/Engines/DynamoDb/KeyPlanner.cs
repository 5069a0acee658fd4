using DbArchitect.Core.Design;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines.DynamoDb;

/// <summary>
/// Places every entity, edge, unique value and aggregate of the requirement in one table: item collections under a
/// parent's partition key for the busiest pattern that reads children by their parent, overloaded GSIs for the other
/// patterns (one slot per item type and pattern), LSIs where a pattern re-sorts a collection that stays under 10 GB,
/// adjacency-list edges for many-to-many, write shards where a partition key would pass 1,000 WCU. Decisions carry the
/// reasons; sizes and units are added by <see cref="ItemSizer"/> and <see cref="DynamoCapacityPlanner"/>.
/// </summary>
internal sealed class KeyPlanner
{
    public const string PartitionKey = "PK";
    public const string SortKey = "SK";
    public const string TypeAttribute = "_type";
    public const string TtlAttribute = "expires_at";
    public const int GsiQuota = 20;
    public const int LsiQuota = 5;

    /// <summary>A key value is sharded past 80 % of a partition's 1,000 WCU or 3,000 RCU, into at most 100 shards.</summary>
    public const double ShardWriteUnits = 800;

    public const double ShardReadUnits = 2400;

    public const int MaxShards = 100;
    private const string TenantColumn = ImplicitColumns.TenantId;

    private readonly DbRequirement _requirement;
    private readonly IReadOnlyList<EntityShape> _shapes;
    private readonly List<DesignDecision> _decisions;
    private readonly List<DesignWarning> _warnings;
    private readonly Dictionary<string, Home> _homes = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Slot> _gsis = new();
    private readonly List<Slot> _lsis = new();
    private readonly Dictionary<string, List<IndexKeys>> _indexKeys = new(StringComparer.Ordinal);
    private readonly List<AccessPath> _paths = new();
    private readonly List<ItemType> _extraTypes = new();
    private readonly Func<EntityShape, AccessPatternSpec?, double> _writesPerKey;
    private readonly Func<EntityShape, AccessPatternSpec, NearLoad> _nearLoad;

    public KeyPlanner(
        DbRequirement requirement, IReadOnlyList<EntityShape> shapes, Func<EntityShape, AccessPatternSpec?, double> writeUnitsPerKeyValue,
        Func<EntityShape, AccessPatternSpec, NearLoad> nearLoad, List<DesignDecision> decisions, List<DesignWarning> warnings)
    {
        _requirement = requirement;
        _shapes = shapes;
        _writesPerKey = writeUnitsPerKeyValue;
        _nearLoad = nearLoad;
        _decisions = decisions;
        _warnings = warnings;
    }

    private sealed record Home(ShapeParent? Parent, AccessPatternSpec? Pattern, KeyTemplate PartitionKey, KeyTemplate SortKey, int PrefixSegments, OrderPlan Order);

    private sealed record OrderPlan(IReadOnlyList<KeySegment> Segments, IReadOnlyList<string> Columns, bool Forward, string? Range, string? ClientOrder);

    private sealed class Slot
    {
        public Slot(string name) => Name = name;

        public string Name { get; }

        public HashSet<string> Types { get; } = new(StringComparer.Ordinal);

        public List<string> Serves { get; } = new();

        public bool Sparse { get; set; }
    }

    public IReadOnlyList<AccessPath> Paths => _paths;

    public (IReadOnlyList<DynamoIndex> Global, IReadOnlyList<DynamoIndex> Local) Indexes() =>
        (_gsis.Select(s => new DynamoIndex(s.Name, s.Name + "PK", s.Name + "SK", "ALL", s.Serves, s.Sparse)).ToList(),
         _lsis.Select(s => new DynamoIndex(s.Name, PartitionKey, s.Name + "SK", "ALL", s.Serves, false)).ToList());

    public void Plan()
    {
        foreach (var shape in _shapes)
        {
            _homes[shape.Name] = ChooseHome(shape);
        }

        foreach (var pattern in _requirement.AccessPatterns)
        {
            var shape = _shapes.First(s => string.Equals(s.Name, pattern.Entity, StringComparison.OrdinalIgnoreCase));
            PlanPattern(shape, pattern);
        }

        if (_lsis.Count == 0)
        {
            _decisions.Add(new DesignDecision(DesignAreas.Indexing, "Local secondary indexes", "None",
                "An LSI must exist when the table is created and caps each item collection at 10 GB; no access pattern re-sorts an item collection that its own sort key does not already order, so every other pattern uses a GSI, which can be added later."));
        }
    }

    /// <summary>Item types for entities and edges (with their index keys), uniqueness items and aggregate items.</summary>
    public IReadOnlyList<ItemType> ItemTypes(Func<EntityShape, IReadOnlyList<ItemAttribute>> attributes, Func<EntityShape, bool> ttl)
    {
        var types = new List<ItemType>();
        foreach (var shape in _shapes)
        {
            var home = _homes[shape.Name];
            var transactional = shape.Columns.Any(c => c.Unique);
            types.Add(new ItemType(shape.Prefix, shape.Name, shape.IsEdge ? ItemKind.Edge : ItemKind.Entity, home.PartitionKey, home.SortKey,
                _indexKeys.GetValueOrDefault(shape.Name) ?? new List<IndexKeys>(), attributes(shape), shape.Identity, 0, null, ttl(shape), transactional, 0, 0));
            foreach (var unique in shape.Columns.Where(c => c.Unique))
            {
                var literal = shape.Prefix + KeyTemplate.Separator + unique.Name.ToUpperInvariant().Replace(KeyTemplate.Separator, '_');
                var key = TenantPrefix(shape).Append(KeySegment.Text(literal + KeyTemplate.Separator), KeySegment.Value(unique.Name, KeyEncodings.ForEquality(unique.Type)));
                types.Add(new ItemType(literal, shape.Name, ItemKind.Uniqueness, key, new KeyTemplate(new[] { KeySegment.Text(literal) }),
                    Array.Empty<IndexKeys>(), attributes(shape).Where(a => shape.Identity.Contains(a.Name) || a.Name == unique.Name).ToList(),
                    shape.Identity, 0, null, false, true, 0, 0));
                _decisions.Add(new DesignDecision(DesignAreas.Schema, shape.Name + "." + unique.Name, "Uniqueness item " + key.Pattern,
                    "DynamoDB enforces uniqueness only on the primary key: each " + shape.Name + " is written with TransactWriteItems together with an item keyed by its " + unique.Name + " under the condition attribute_not_exists(PK), so a second " + shape.Name + " with the same value fails; transactional writes cost 2 WCU per KB."));
            }
        }

        types.AddRange(_extraTypes);
        return types;
    }

    private KeyTemplate TenantPrefix(EntityShape shape) =>
        shape.TenantScoped
            ? new KeyTemplate(new[] { KeySegment.Text("T#"), KeySegment.Value(TenantColumn), KeySegment.Text("#") })
            : new KeyTemplate(Array.Empty<KeySegment>());

    private static bool IsKeyable(AccessPatternSpec pattern, EntityShape shape) =>
        pattern.Search.Count == 0 && pattern.Aggregate is null
        && pattern.Where.All(w => shape.Column(w) is { } c && c.Type.Kind is not (LogicalTypeKind.Json or LogicalTypeKind.Array or LogicalTypeKind.Binary));

    internal static bool IsDocument(EntityShape shape, string column) => shape.Column(column)?.Type.Kind == LogicalTypeKind.Json;

    private Home ChooseHome(EntityShape shape)
    {
        var candidates = _requirement.AccessPatterns
            .Where(p => string.Equals(p.Entity, shape.Name, StringComparison.OrdinalIgnoreCase) && IsKeyable(p, shape))
            .SelectMany(p => shape.Parents.Where(pa => pa.Required && shape.EqualityColumns(p).Contains(pa.Column, StringComparer.Ordinal)).Select(pa => (Pattern: p, Parent: pa)))
            .OrderByDescending(c => c.Pattern.PerSecond ?? 0)
            .ToList();
        if (candidates.Count > 0)
        {
            var (pattern, parent) = candidates[0];
            return HomeUnder(shape, parent, pattern);
        }

        if (shape.IsEdge)
        {
            // No pattern reads the edge: it lives with its first side, the way that side's items are read together with it.
            return HomeUnder(shape, shape.Parents[0], null);
        }

        var own = TenantPrefix(shape).Append(KeySegment.Text(shape.Prefix + KeyTemplate.Separator), KeySegment.Value(ImplicitColumns.Id));
        var sort = new KeyTemplate(new[] { KeySegment.Text(shape.Prefix + KeyTemplate.Separator), KeySegment.Value(ImplicitColumns.Id) });
        _decisions.Add(new DesignDecision(DesignAreas.Schema, shape.Name, "Own partition " + own.Pattern + ", sort key " + sort.Pattern,
            "No access pattern reads " + shape.Name + " items by a required parent, so each item is its own collection: GetItem by id costs one read of its size."));
        return new Home(null, null, own, sort, 1, new OrderPlan(Array.Empty<KeySegment>(), Array.Empty<string>(), true, null, null));
    }

    private Home HomeUnder(EntityShape shape, ShapeParent parent, AccessPatternSpec? pattern)
    {
        var parentShape = _shapes.FirstOrDefault(s => string.Equals(s.Name, parent.Parent, StringComparison.OrdinalIgnoreCase));
        var parentPrefix = parentShape?.Prefix ?? parent.Parent.ToUpperInvariant();
        var partition = TenantPrefix(shape).Append(KeySegment.Text(parentPrefix + KeyTemplate.Separator), KeySegment.Value(parent.Column));
        var segments = new List<KeySegment> { KeySegment.Text(shape.Prefix + KeyTemplate.Separator) };
        var equality = pattern is null ? new List<string>() : shape.EqualityColumns(pattern).Where(w => w != parent.Column).ToList();
        foreach (var column in equality)
        {
            segments.Add(KeySegment.Value(column, KeyEncodings.ForEquality(shape.Column(column)!.Type)));
            segments.Add(KeySegment.Text("#"));
        }

        var prefixCount = segments.Count;
        var order = pattern is null ? new OrderPlan(Array.Empty<KeySegment>(), Array.Empty<string>(), true, null, null) : OrderOf(shape, pattern);
        foreach (var segment in order.Segments)
        {
            segments.Add(segment);
            segments.Add(KeySegment.Text("#"));
        }

        AppendIdentity(shape, segments, parent.Column);
        var sort = new KeyTemplate(segments);
        var served = pattern is null ? "no access pattern reads " + shape.Name + " on its own; its edges are read with the " + parent.Parent + " they start from (adjacency list)" : "serves '" + pattern.Name + "'";
        _decisions.Add(new DesignDecision(DesignAreas.Schema, shape.Name, "Item collection of " + parent.Parent + ": PK " + partition.Pattern + ", SK " + sort.Pattern,
            "The " + shape.Name + " items of one " + parent.Parent + " share its partition key and sort by the sort key, so one Query " + served
            + (equality.Count > 0 ? "; the equality on " + string.Join(", ", equality) + " is a prefix of the sort key (begins_with)" : string.Empty)
            + (order.ClientOrder is { } client ? "; " + client : string.Empty) + "."));
        return new Home(parent, pattern, partition, sort, prefixCount, order);
    }

    private static void AppendIdentity(EntityShape shape, List<KeySegment> segments, string? skip)
    {
        var identity = shape.Identity.Where(i => i != skip).ToList();
        for (var i = 0; i < identity.Count; i++)
        {
            if (i > 0)
            {
                segments.Add(KeySegment.Text("#"));
            }

            segments.Add(KeySegment.Value(identity[i]));
        }
    }

    /// <summary>
    /// The sort parts of a pattern: its range column first (a key condition can only bound the first part), then its
    /// ORDER BY columns; the first column sets the scan direction and later ones in the other direction are complemented.
    /// A column that cannot be encoded in that direction (text descending, JSON) ends the key order; the client sorts the rest.
    /// </summary>
    private static OrderPlan OrderOf(EntityShape shape, AccessPatternSpec pattern)
    {
        var keys = new List<SortKey>();
        var range = pattern.Range is { } r ? shape.Column(r)?.Name : null;
        if (range is not null)
        {
            keys.Add(pattern.OrderBy.FirstOrDefault(o => shape.Column(o.Column)?.Name == range) ?? new SortKey(range, false));
        }

        keys.AddRange(pattern.OrderBy.Where(o => shape.Column(o.Column)?.Name != range));
        var forward = keys.Count == 0 || !keys[0].Descending;
        var segments = new List<KeySegment>();
        var columns = new List<string>();
        string? client = null;
        foreach (var key in keys)
        {
            var column = shape.Column(key.Column);
            var encoding = column is null ? null : KeyEncodings.ForOrder(column.Type);
            var descending = key.Descending != !forward;
            if (column is null || encoding is null || (descending && !KeyEncodings.CanDescend(encoding.Value)))
            {
                client = "the key orders " + (columns.Count == 0 ? "nothing" : string.Join(", ", columns)) + "; the client sorts the page by " + key.Column + " and what follows";
                break;
            }

            segments.Add(KeySegment.Value(column.Name, encoding.Value, descending));
            columns.Add(column.Name);
        }

        return new OrderPlan(segments, columns, forward, range, client);
    }

    private void PlanPattern(EntityShape shape, AccessPatternSpec pattern)
    {
        if (pattern.Search.Count > 0)
        {
            _paths.Add(Path(pattern, shape, AccessKind.Search, null, null, null, null, null, Array.Empty<string>(), true, null, 1,
                "Full-text" + (pattern.Fuzzy ? " fuzzy" : string.Empty) + " search on " + string.Join(", ", pattern.Search)
                + " is served by a search engine (OpenSearch) fed from the table's stream; DynamoDB matches keys, not words."));
            return;
        }

        if (pattern.Aggregate is not null)
        {
            PlanAggregate(shape, pattern);
            return;
        }

        if (pattern.Near is { } near && IsKeyable(pattern, shape))
        {
            PlanNear(shape, pattern, near);
            return;
        }

        if (!IsKeyable(pattern, shape))
        {
            var names = (shape.TenantScoped ? new[] { TenantColumn } : Array.Empty<string>()).Concat(shape.EqualityColumns(pattern)).ToList();
            // A document is matched by containment, one field at a time (#f.#k = :f): the caller names the field and its value.
            var filter = string.Join(" AND ", names.Select((n, i) => IsDocument(shape, n)
                ? InvariantText.Format($"#f{i}.#k{i} = :f{i}")
                : InvariantText.Format($"#f{i} = :f{i}")).Prepend("#type = :type"));
            _paths.Add(Path(pattern, shape, AccessKind.Scan, null, null, null, null, null, Array.Empty<string>(), true, filter, 1,
                "Unavoidable FilterExpression: " + string.Join(", ", names) + " holds a document, which cannot be a key, so a Scan reads the whole table and filters it; serve it at volume from the search engine fed by the stream.") with { FilterColumns = names });
            _decisions.Add(new DesignDecision(DesignAreas.QueryOptimization, pattern.Name, "Scan with FilterExpression (said so)",
                "A map attribute cannot be part of a key; the filter runs after the read, so the pattern pays for every item scanned."));
            return;
        }

        var home = _homes[shape.Name];
        var where = shape.EqualityColumns(pattern).ToList();
        var order = OrderOf(shape, pattern);
        if (ReferenceEquals(home.Pattern, pattern))
        {
            _paths.Add(Path(pattern, shape, AccessKind.Query, null, home.PartitionKey, home.SortKey.Take(home.PrefixSegments + (home.Order.Range is null ? 0 : 1)),
                home.Order.Range is null ? "begins_with" : "between", home.Order.Range, home.Order.Columns, home.Order.Forward, null, 1,
                "The " + shape.Name + " item collection of one " + home.Parent!.Parent + (home.Order.ClientOrder is { } c ? "; " + c : string.Empty) + "."));
            return;
        }

        if (home.Parent is { } parent && where.Count == 1 && where[0] == parent.Column && home.Pattern is not null && _lsis.Count < LsiQuota)
        {
            PlanLocal(shape, pattern, home, order);
            return;
        }

        PlanGlobal(shape, pattern, where, order);
    }

    private void PlanLocal(EntityShape shape, AccessPatternSpec pattern, Home home, OrderPlan order)
    {
        var slot = _lsis.FirstOrDefault(s => !s.Types.Contains(shape.Prefix));
        if (slot is null)
        {
            slot = new Slot("LSI" + (_lsis.Count + 1));
            _lsis.Add(slot);
        }

        slot.Types.Add(shape.Prefix);
        slot.Serves.Add(pattern.Name);
        var segments = new List<KeySegment> { KeySegment.Text(shape.Prefix + KeyTemplate.Separator) };
        foreach (var segment in order.Segments)
        {
            segments.Add(segment);
            segments.Add(KeySegment.Text("#"));
        }

        AppendIdentity(shape, segments, home.Parent!.Column);
        var sort = new KeyTemplate(segments);
        Keys(shape).Add(new IndexKeys(slot.Name, home.PartitionKey, sort, 1));
        _paths.Add(Path(pattern, shape, AccessKind.Query, slot.Name, home.PartitionKey, sort.Take(1 + (order.Range is null ? 0 : 1)), order.Range is null ? "begins_with" : "between",
            order.Range, order.Columns, order.Forward, null, 1, "The same item collection sorted another way by a local index" + (order.ClientOrder is { } c ? "; " + c : string.Empty) + "."));
        _decisions.Add(new DesignDecision(DesignAreas.Indexing, slot.Name, "Local index " + slot.Name + " (SK " + sort.Pattern + ") for '" + pattern.Name + "'",
            "The pattern reads the same " + home.Parent.Parent + " collection as '" + home.Pattern!.Name + "' in another order; an LSI shares the partition and allows strongly consistent reads, but must be created with the table and limits each collection to 10 GB."));
    }

    private void PlanGlobal(EntityShape shape, AccessPatternSpec pattern, IReadOnlyList<string> where, OrderPlan order)
    {
        var slot = GlobalSlot(shape, pattern);
        slot.Types.Add(shape.Prefix);
        slot.Serves.Add(pattern.Name);
        var segments = TypeAndEquality(shape, where);

        // Writes per partition key value: the shape's write units spread over the distinct values of the equality columns.
        var unitsPerKey = _writesPerKey(shape, pattern);
        Hottest(pattern.Name, slot.Name, unitsPerKey);
        var shards = ShardsFor(unitsPerKey, ShardWriteUnits);
        if (shards > 1)
        {
            segments.Add(KeySegment.Text("#"));
            segments.Add(KeySegment.Value(DynamoDbKeys.ShardAttribute, KeyEncoding.Integer));
            _decisions.Add(new DesignDecision(DesignAreas.Partitioning, pattern.Name, InvariantText.Format($"Write sharding: {shards} shards of {slot.Name}PK"),
                InvariantText.Format($"One key value of '{pattern.Name}' takes {unitsPerKey:0.#} WCU/s; a partition serves at most 1,000 WCU, so the key gets a suffix 0…{shards - 1} (FNV-1a of the item's identity mod {shards}) keeping each shard under 800 WCU (80 % of the limit); readers query every shard and merge.")));
        }

        var partition = new KeyTemplate(segments);
        var sortSegments = new List<KeySegment>();
        foreach (var segment in order.Segments)
        {
            sortSegments.Add(segment);
            sortSegments.Add(KeySegment.Text("#"));
        }

        AppendIdentity(shape, sortSegments, null);
        var sort = new KeyTemplate(sortSegments);
        var sparse = where.Any(w => !shape.Column(w)!.Required);
        slot.Sparse |= sparse;
        Keys(shape).Add(new IndexKeys(slot.Name, partition, sort, shards));
        _paths.Add(Path(pattern, shape, AccessKind.Query, slot.Name, partition, order.Range is null ? null : sort.Take(1), order.Range is null ? null : "between", order.Range,
            order.Columns, order.Forward, null, shards,
            (sparse ? "Sparse: only items with " + string.Join(", ", where.Where(w => !shape.Column(w)!.Required)) + " carry the index keys. " : string.Empty)
            + "Global index reads are eventually consistent" + (order.ClientOrder is { } c ? "; " + c : string.Empty) + "."));
        var shared = slot.Types.Count > 1 ? " (overloaded: it also serves " + string.Join(", ", slot.Serves.Where(s => s != pattern.Name).Select(s => "'" + s + "'")) + ")" : string.Empty;
        _decisions.Add(new DesignDecision(DesignAreas.Indexing, pattern.Name, slot.Name + ": PK " + partition.Pattern + ", SK " + sort.Pattern + shared,
            "The pattern reads " + shape.Name + " by " + (where.Count == 0 ? "no key value (one partition per item type)" : string.Join(", ", where))
            + " rather than by its table key; a GSI slot holds one pattern per item type, so patterns of different item types share " + slot.Name
            + " under type-prefixed key values" + (sparse ? "; sparse, since items without the value write no index keys and cost nothing in the index" : string.Empty) + "."));
    }

    /// <summary>Shards that keep each under <paramref name="perShard"/> units: ⌈units ÷ perShard⌉ past it, at most <see cref="MaxShards"/>.</summary>
    public static int ShardsFor(double units, double perShard) => units > perShard ? (int)Math.Min(MaxShards, Math.Ceiling(units / perShard)) : 1;

    /// <summary>
    /// A GSI slot whose partition key is the pattern's equality values and the geohash cell of the item's position at the
    /// precision <see cref="NearPlanner"/> chooses, and whose sort key is the full geohash and the identity: a search
    /// queries the point's cell and its 8 neighbours by key condition alone, and the application ranks what they hold.
    /// </summary>
    private void PlanNear(EntityShape shape, AccessPatternSpec pattern, NearSpec near)
    {
        var slot = GlobalSlot(shape, pattern);
        slot.Types.Add(shape.Prefix);
        slot.Serves.Add(pattern.Name);
        var where = shape.EqualityColumns(pattern).ToList();
        var latitude = shape.Column(near.Latitude)!;
        var longitude = shape.Column(near.Longitude)!;
        var limit = pattern.Limit ?? QueryPlan.DefaultSearchLimit;
        var load = _nearLoad(shape, pattern);
        var home = _homes[shape.Name];
        var sort = new KeyTemplate(new List<KeySegment> { KeySegment.Geohash(latitude.Name, longitude.Name, NearPlanner.SortPrecision), KeySegment.Text("#") });
        sort = sort.Append(Identity(shape));
        // The item's size with its table keys, the index keys planned so far and this index's at a precision: what a cell's Query reads.
        int Bytes(int precision)
        {
            var keys = Keys(shape).Append(new IndexKeys(slot.Name, NearPartition(shape, where, latitude.Name, longitude.Name, precision, 1), sort, 1)).ToList();
            var type = new ItemType(shape.Prefix, shape.Name, ItemKind.Entity, home.PartitionKey, home.SortKey, keys, load.Attributes, shape.Identity, 0, null, false, false, 0, 0);
            return load.Attributes.Sum(a => a.TypicalBytes) + ItemSizer.KeyBytes(type, false);
        }

        var plan = NearPlanner.Choose(load, limit, Bytes);
        var partition = NearPartition(shape, where, latitude.Name, longitude.Name, plan.Precision, plan.Shards);
        Hottest(pattern.Name, slot.Name + " busiest cell", plan.WriteUnitsPerCell);
        var optional = where.Append(latitude.Name).Append(longitude.Name).Where(w => !shape.Column(w)!.Required).ToList();
        slot.Sparse |= optional.Count > 0;
        Keys(shape).Add(new IndexKeys(slot.Name, partition, sort, plan.Shards) { Moves = true });
        var cells = plan.Shards > 1 ? InvariantText.Format($"9 cells × {plan.Shards} shards = {9 * plan.Shards} Queries") : "9 Queries";
        var note = InvariantText.Format($"Proximity search: {cells} on {slot.Name}, one per cell (the point's geohash{plan.Precision} cell and its 8 neighbours, Geohash.Block), each reading its whole cell by KeyConditionExpression alone (no Limit: a cell is unordered by distance; every page), no Scan and no FilterExpression. ")
            + InvariantText.Format($"The application then computes each item's great-circle distance to the point (Geohash.DistanceKm), drops those beyond the radius, sorts and keeps the nearest {limit}: DynamoDB orders only by the sort key, and no key order is distance from a point given at query time. ")
            + InvariantText.Format($"The nine cells cover Geohash.CoveredKm(latitude, {plan.Precision}) around the point ({plan.CoveredKm:0.###} km at {NearPlanner.DesignLatitude:0}°); a larger radius reads the next ring of cells. ")
            + (optional.Count > 0 ? "Sparse: only items with " + string.Join(", ", optional) + " carry the index keys. " : string.Empty)
            + "Global index reads are eventually consistent.";
        _paths.Add(Path(pattern, shape, AccessKind.Query, slot.Name, partition, null, null, null, Array.Empty<string>(), true, null, plan.Shards, note) with
        {
            Limit = null,
            Near = new NearPath(latitude.Name, longitude.Name, plan.Precision, Math.Round(plan.CoveredKm, 3), Math.Round(plan.ItemsPerCell, 2), limit),
        });
        _decisions.Add(new DesignDecision(DesignAreas.Indexing, pattern.Name, slot.Name + ": PK " + partition.Pattern + ", SK " + sort.Pattern,
            "A proximity search has no key value to look up, so the item carries its position as geohash keys: the cell (precision " + plan.Precision.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + ") after the " + (where.Count == 0 ? "item type" : "item type and " + string.Join(", ", where)) + " in the partition key, the full " + NearPlanner.SortPrecision.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + "-character geohash and the identity in the sort key (unique per item, and finer cells stay begins_with prefixes of it). " + plan.Reason));
        var read = Math.Min(load.KeyRows, 9 * plan.ItemsPerCell);
        if (read > 20 * limit)
        {
            _warnings.Add(new DesignWarning(WarningSeverity.Warning, pattern.Name,
                InvariantText.Format($"'{pattern.Name}' reads about {read:N0} items per search to return {limit} (nine geohash{plan.Precision} cells at the busiest density, the next precision's nine cells covering too small a radius to hold the {limit} nearest); every item read is paid for. At this density an in-memory geospatial index (a Redis GEO set, GEOSEARCH) answers it from memory.")));
        }

        _decisions.Add(new DesignDecision(DesignAreas.QueryOptimization, pattern.Name + " distance order", "Ranked by distance in the application",
            InvariantText.Format($"DynamoDB returns a partition's items in sort key order, and a geohash's order is not distance from a point (two points a metre apart across a cell edge can share no geohash prefix at all); the application merges the nine cells' items, computes the great-circle distance, keeps those within the radius and returns the nearest {limit}. Every item in the nine cells is read and paid for, about {Math.Min(9 * plan.ItemsPerCell, 1e12):N0} at the busiest density.")));
    }

    /// <summary>The near index's partition key: tenant, item type, the equality values, the cell, and the shard when there are shards.</summary>
    private KeyTemplate NearPartition(EntityShape shape, IReadOnlyList<string> where, string latitude, string longitude, int precision, int shards)
    {
        var segments = TypeAndEquality(shape, where);

        segments.Add(KeySegment.Text("#GEO#"));
        segments.Add(KeySegment.Geohash(latitude, longitude, precision));
        if (shards > 1)
        {
            segments.Add(KeySegment.Text("#"));
            segments.Add(KeySegment.Value(DynamoDbKeys.ShardAttribute, KeyEncoding.Integer));
        }

        return new KeyTemplate(segments);
    }

    /// <summary>A GSI partition key's start: tenant, item type, then NAME#value for each equality column.</summary>
    private List<KeySegment> TypeAndEquality(EntityShape shape, IReadOnlyList<string> where)
    {
        var segments = TenantPrefix(shape).Segments.ToList();
        segments.Add(KeySegment.Text(shape.Prefix));
        foreach (var column in where)
        {
            segments.Add(KeySegment.Text(KeyTemplate.Separator + column.ToUpperInvariant().Replace(KeyTemplate.Separator, '_') + KeyTemplate.Separator));
            segments.Add(KeySegment.Value(column, KeyEncodings.ForEquality(shape.Column(column)!.Type)));
        }

        return segments;
    }

    private static KeySegment[] Identity(EntityShape shape)
    {
        var segments = new List<KeySegment>();
        AppendIdentity(shape, segments, null);
        return segments.ToArray();
    }

    /// <summary>The first GSI slot without an item type of the shape, or a new one (past the quota with a warning).</summary>
    private Slot GlobalSlot(EntityShape shape, AccessPatternSpec pattern)
    {
        var slot = _gsis.FirstOrDefault(s => !s.Types.Contains(shape.Prefix));
        if (slot is null)
        {
            if (_gsis.Count >= GsiQuota)
            {
                _warnings.Add(new DesignWarning(WarningSeverity.Warning, pattern.Name,
                    InvariantText.Format($"The table already has {GsiQuota} GSIs (the default quota); '{pattern.Name}' needs a quota increase or a Scan.")));
            }

            slot = new Slot("GSI" + (_gsis.Count + 1));
            _gsis.Add(slot);
        }

        return slot;
    }

    private void PlanAggregate(EntityShape shape, AccessPatternSpec pattern)
    {
        var aggregate = pattern.Aggregate!;
        var name = "AGG#" + pattern.Name.ToUpperInvariant().Replace(' ', '_').Replace(KeyTemplate.Separator, '_');
        var where = shape.EqualityColumns(pattern).ToList();
        var segments = TenantPrefix(shape).Segments.ToList();
        segments.Add(KeySegment.Text(name));
        foreach (var column in where)
        {
            segments.Add(KeySegment.Text("#"));
            segments.Add(KeySegment.Value(column, KeyEncodings.ForEquality(shape.Column(column)!.Type)));
        }

        var groups = pattern.GroupBy.Select(g => shape.Column(g.Column)?.Name ?? g.Column).ToList();
        var sort = groups.Count == 0
            ? new KeyTemplate(new[] { KeySegment.Text("ALL") })
            : new KeyTemplate(pattern.GroupBy.SelectMany((g, i) =>
            {
                var value = KeySegment.Value(shape.Column(g.Column)?.Name ?? g.Column, BucketEncoding(g.Bucket, shape.Column(g.Column)));
                return i == 0 ? new[] { value } : new[] { KeySegment.Text("#"), value };
            }).ToList());
        var bucket = pattern.GroupBy.FirstOrDefault()?.Bucket;
        // The stream consumer adds a batch of up to 100 records in one update per key, so an aggregate key takes the writes / 100.
        var unitsPerKey = _writesPerKey(shape, pattern) / 100;
        Hottest(pattern.Name, "aggregate items", unitsPerKey);
        var shards = ShardsFor(unitsPerKey, ShardWriteUnits);
        if (shards > 1)
        {
            segments.Add(KeySegment.Text("#"));
            segments.Add(KeySegment.Value(DynamoDbKeys.ShardAttribute, KeyEncoding.Integer));
        }

        var partition = new KeyTemplate(segments);
        var fields = aggregate.Function switch
        {
            AggregateFunction.Avg => new[] { "sum", "count" },
            AggregateFunction.Count => new[] { "count" },
            AggregateFunction.Sum => new[] { "sum" },
            AggregateFunction.Min => new[] { "min" },
            _ => new[] { "max" },
        };
        var attributes = where.Select(w => new ItemAttribute(w, "S", shape.Column(w)!.Type.ToString(), true, System.Text.Encoding.UTF8.GetByteCount(w) + 12, Array.Empty<string>()))
            .Concat(groups.Select(g => new ItemAttribute(g, "S", bucket is null ? shape.Column(g)?.Type.ToString() ?? "string" : "bucket", true, System.Text.Encoding.UTF8.GetByteCount(g) + 12, Array.Empty<string>())))
            .Concat(fields.Select(f => new ItemAttribute(f, "N", "decimal", true, f.Length + 8, Array.Empty<string>())))
            .ToList();
        _extraTypes.Add(new ItemType(name, shape.Name, ItemKind.Aggregate, partition, sort, Array.Empty<IndexKeys>(), attributes, Array.Empty<string>(), 0, null, false, false, 0, 0));
        var range = pattern.Range is { } r && groups.Count > 0 && groups[0] == (shape.Column(r)?.Name ?? r) ? groups[0] : null;
        _paths.Add(Path(pattern, shape, AccessKind.Aggregate, null, partition, range is null ? null : sort.Take(1), range is null ? null : "between", range,
            groups.Take(1).ToList(), true, null, shards,
            aggregate + (groups.Count > 0 ? " by " + string.Join(", ", pattern.GroupBy) : string.Empty)
            + " is kept in " + name + " items by the stream consumer (" + UpdateExpression(aggregate.Function) + "); DynamoDB has no aggregation, and reading every "
            + shape.Name + " for it would cost a Scan." + (aggregate.Function == AggregateFunction.Avg ? " The average is sum / count." : string.Empty)) with
        {
            AggregateAttribute = aggregate.Column is { } c ? shape.Column(c)?.Name ?? c : null,
            AggregateFunction = aggregate.Function.ToString().ToLowerInvariant(),
            UpdateExpression = Update(aggregate.Function).Expression,
            UpdateCondition = Update(aggregate.Function).Condition,
        });
        _decisions.Add(new DesignDecision(DesignAreas.QueryOptimization, pattern.Name, "Aggregate items " + partition.Pattern + " / " + sort.Pattern + " kept from the stream",
            InvariantText.Format($"A Query of {(groups.Count == 0 ? "one item" : "one item per bucket")} answers '{pattern.Name}' instead of reading every {shape.Name}; the consumer batches up to 100 stream records per update, so a key takes {unitsPerKey:0.##} updates/s")
            + (shards > 1 ? InvariantText.Format($", over 800, hence {shards} shards added on read") : string.Empty) + "."));
    }

    private static KeyEncoding BucketEncoding(TimeBucket? bucket, ShapeColumn? column) => bucket switch
    {
        TimeBucket.Hour => KeyEncoding.Hour,
        TimeBucket.Day => KeyEncoding.Day,
        TimeBucket.Week => KeyEncoding.Week,
        TimeBucket.Month => KeyEncoding.Month,
        TimeBucket.Year => KeyEncoding.Year,
        _ => column is null ? KeyEncoding.Text : KeyEncodings.ForOrder(column.Type) ?? KeyEncoding.Text,
    };

    /// <summary>The UpdateExpression the stream consumer runs for one record of an aggregate, and the condition min/max need.</summary>
    public static (string Expression, string? Condition) Update(AggregateFunction function) => function switch
    {
        AggregateFunction.Avg => ("ADD #sum :value, #count :one", null),
        AggregateFunction.Count => ("ADD #count :one", null),
        AggregateFunction.Sum => ("ADD #sum :value", null),
        AggregateFunction.Min => ("SET #min = :value", "attribute_not_exists(#min) OR #min > :value"),
        _ => ("SET #max = :value", "attribute_not_exists(#max) OR #max < :value"),
    };

    private static string UpdateExpression(AggregateFunction function) =>
        Update(function) is { Condition: { } condition } update ? update.Expression + " if " + condition : Update(function).Expression;

    private (string Pattern, string Where, double Units)? _hottest;

    private void Hottest(string pattern, string where, double units)
    {
        if (_hottest is null || units > _hottest.Value.Units)
        {
            _hottest = (pattern, where, units);
        }
    }

    /// <summary>Records how the patterns are served and the busiest key value, so the sections state them even when nothing is sharded.</summary>
    public void Summarize()
    {
        var home = _requirement.AccessPatterns.Count(p => _paths.Any(a => a.Pattern == p.Name && a.Kind == AccessKind.Query && a.Index is null));
        var keyed = _paths.Count(p => p.Kind is AccessKind.Query or AccessKind.Aggregate);
        var filtered = _paths.Count(p => p.Kind == AccessKind.Scan);
        var searched = _paths.Count(p => p.Kind == AccessKind.Search);
        _decisions.Add(new DesignDecision(DesignAreas.QueryOptimization, "Key conditions",
            InvariantText.Format($"{keyed} of {_paths.Count} access patterns read by a key condition ({home} on the table's own keys)"),
            InvariantText.Format($"A Query reads only the items under one partition key value and a sort key range; ") + (filtered == 0
                ? "no pattern needs a FilterExpression"
                : InvariantText.Format($"{filtered} pattern(s) need a FilterExpression on a Scan, said so at each")) + (searched == 0
                ? "."
                : InvariantText.Format($", and {searched} full-text pattern(s) go to the search engine."))));
        _decisions.Add(new DesignDecision(DesignAreas.Partitioning, "Busiest key value", _hottest is { } hot
                ? InvariantText.Format($"'{hot.Pattern}' ({hot.Where}): {hot.Units:0.###} WCU/s per key value")
                : "Only table keys (one item or one parent's collection per key value)",
            InvariantText.Format($"Writes per second × write units per item over the distinct values of the key, against 1,000 WCU per partition; a key value over 800 WCU (80 %) would be sharded.")));
    }

    private List<IndexKeys> Keys(EntityShape shape)
    {
        if (!_indexKeys.TryGetValue(shape.Name, out var list))
        {
            list = new List<IndexKeys>();
            _indexKeys[shape.Name] = list;
        }

        return list;
    }

    private static AccessPath Path(
        AccessPatternSpec pattern, EntityShape shape, AccessKind kind, string? index, KeyTemplate? partition, KeyTemplate? sortPrefix, string? condition,
        string? range, IReadOnlyList<string> orderedBy, bool forward, string? filter, int shards, string note) =>
        new(pattern.Name, shape.Name, kind == AccessKind.Aggregate ? "AGG#" + pattern.Name.ToUpperInvariant().Replace(' ', '_').Replace(KeyTemplate.Separator, '_') : shape.Prefix,
            kind, index, partition, sortPrefix, condition, range, orderedBy, forward, pattern.Limit, false, filter, shards, 0, string.Empty, 0, 0, note);
}
