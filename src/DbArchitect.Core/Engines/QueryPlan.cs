using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using Index = DbArchitect.Core.Model.Index;

namespace DbArchitect.Core.Engines;

/// <summary>What a filter of a planned query asks of its column; each engine spells it in its dialect.</summary>
internal enum PlannedFilterKind
{
    /// <summary>The caller's tenant: the tenant boundary and the leading column of the pattern's index.</summary>
    Tenant,

    /// <summary>Equality with a column the pattern names in <c>where</c>.</summary>
    Equals,

    /// <summary>Equality with an e-mail address in any letter case (the index holds lower(column)).</summary>
    EmailEquals,

    /// <summary>A JSON document column must contain the value.</summary>
    JsonContains,

    /// <summary>An array column must contain the value (engines without arrays store them as JSON).</summary>
    ArrayContains,

    /// <summary>Inclusive start of the range.</summary>
    RangeStart,

    /// <summary>Exclusive end of the range.</summary>
    RangeEnd,

    /// <summary>Soft delete: only rows not deleted (the partial index's predicate).</summary>
    NotDeleted,

    /// <summary>Lower edge (inclusive) of a near search's box on a coordinate.</summary>
    BoxStart,

    /// <summary>Upper edge (inclusive) of a near search's box on a coordinate.</summary>
    BoxEnd,
}

/// <summary>One predicate of a planned query, in the order it is written: the index's leading columns first.</summary>
internal sealed record PlannedFilter(PlannedFilterKind Kind, Column Column)
{
    /// <summary>What the filter's parameter means, for the template's parameter list (null when it takes none).</summary>
    public string? Meaning => Kind switch
    {
        PlannedFilterKind.Tenant => $"the caller's tenant ({Column.Name})",
        PlannedFilterKind.EmailEquals => $"{Column.Name}, in any letter case",
        PlannedFilterKind.JsonContains or PlannedFilterKind.ArrayContains => $"a JSON document {Column.Name} must contain, e.g. {{\"key\": \"value\"}}",
        PlannedFilterKind.RangeStart => $"start of the {Column.Name} range (inclusive)",
        PlannedFilterKind.RangeEnd => $"end of the {Column.Name} range (exclusive)",
        PlannedFilterKind.BoxStart => $"the point's {Column.Name} minus the radius in degrees (lower edge of the box)",
        PlannedFilterKind.BoxEnd => $"the point's {Column.Name} plus the radius in degrees (upper edge of the box)",
        PlannedFilterKind.NotDeleted => null,
        _ => Column.Name,
    };
}

/// <summary>The coordinates a near search ranks by distance from the searched point.</summary>
internal sealed record PlannedNear(Column Latitude, Column Longitude);

/// <summary>One key of a planned ORDER BY.</summary>
internal sealed record PlannedSort(Column Column, bool Descending);

/// <summary>The aggregate of a planned query: its function, its column (null for count(*)) and its result's label.</summary>
internal sealed record PlannedAggregate(AggregateFunction Function, Column? Column, AggregateSpec Spec)
{
    /// <summary>count, sum_amount…: the result column's name, the same in every dialect.</summary>
    public string Label => Column is null ? Function.ToString().ToLowerInvariant() : Function.ToString().ToLowerInvariant() + "_" + Column.Name;
}

/// <summary>The time bucket of an aggregate: the column, and the unit (hour, day, week, month, year).</summary>
internal sealed record PlannedBucket(Column Column, TimeBucket Bucket)
{
    /// <summary>hour, day…: the bucket's result column.</summary>
    public string Unit => Bucket.ToString().ToLowerInvariant();
}

/// <summary>
/// The engine-neutral plan of one access pattern's query, built once from the physical model: its shape, the filters
/// in index order (tenant, equalities, range, soft delete), the order (with the keyset's primary-key tie-breaker),
/// the projection, the aggregate and groups, the searched columns and the limit. Every engine only renders it.
/// </summary>
internal sealed record QueryPlan(
    AccessPatternSpec Pattern,
    Table Table,
    QueryShape Shape,
    IReadOnlyList<PlannedFilter> Filters,
    IReadOnlyList<PlannedSort> Order,
    IReadOnlyList<string> TieBreaker,
    IReadOnlyList<string> Projection,
    PlannedAggregate? Aggregate,
    PlannedBucket? Bucket,
    IReadOnlyList<Column> Groups,
    IReadOnlyList<Column> Search,
    int? Limit)
{
    /// <summary>Rows a search returns when the pattern states no limit: a result page, not the whole table.</summary>
    public const int DefaultSearchLimit = 20;

    /// <summary>Buckets in the moving average of a time-bucket aggregate.</summary>
    public const int MovingAverageBuckets = 7;

    /// <summary>A near search's coordinates; null for every other shape.</summary>
    public PlannedNear? Near { get; init; }

    /// <summary>The projection plus the sort columns it lacks: a keyset page returns the cursor's values.</summary>
    public IReadOnlyList<string> ProjectionWithOrder =>
        Projection.Concat(Order.Select(s => s.Column.Name).Where(c => !Projection.Contains(c, StringComparer.Ordinal))).ToArray();

    /// <summary>True when a filter other than soft delete's IS NULL constrains the index's leading columns, so the scan seeks.</summary>
    public bool Seeks => Filters.Any(f => f.Kind != PlannedFilterKind.NotDeleted);

    /// <summary>The plan of <paramref name="pattern"/> on <paramref name="table"/>; a KeyNotFoundException names a column the table lacks.</summary>
    public static QueryPlan For(Table table, AccessPatternSpec pattern)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(pattern);
        Column Resolve(string name) => PatternColumns.Resolve(table, name);

        var tenant = table.Columns.FirstOrDefault(c => c.Role == ColumnRole.TenantKey);
        var filters = new List<PlannedFilter>();
        if (tenant is not null)
        {
            filters.Add(new PlannedFilter(PlannedFilterKind.Tenant, tenant));
        }

        foreach (var reference in pattern.Where)
        {
            var column = Resolve(reference);
            filters.Add(new PlannedFilter(column.Type.Kind switch
            {
                LogicalTypeKind.Json => PlannedFilterKind.JsonContains,
                LogicalTypeKind.Array => PlannedFilterKind.ArrayContains,
                LogicalTypeKind.Email => PlannedFilterKind.EmailEquals,
                _ => PlannedFilterKind.Equals,
            }, column));
        }

        if (PatternColumns.Range(table, pattern) is { } range)
        {
            filters.Add(new PlannedFilter(PlannedFilterKind.RangeStart, range));
            filters.Add(new PlannedFilter(PlannedFilterKind.RangeEnd, range));
        }

        // A box of latitude and longitude around the point: the pattern's index (equality columns, latitude, longitude) seeks it.
        var near = pattern.Near is { } point ? new PlannedNear(Resolve(point.Latitude), Resolve(point.Longitude)) : null;
        if (near is not null)
        {
            filters.Add(new PlannedFilter(PlannedFilterKind.BoxStart, near.Latitude));
            filters.Add(new PlannedFilter(PlannedFilterKind.BoxEnd, near.Latitude));
            filters.Add(new PlannedFilter(PlannedFilterKind.BoxStart, near.Longitude));
            filters.Add(new PlannedFilter(PlannedFilterKind.BoxEnd, near.Longitude));
        }

        if (table.Columns.FirstOrDefault(c => c.Role == ColumnRole.DeletedAt) is { } deletedAt)
        {
            filters.Add(new PlannedFilter(PlannedFilterKind.NotDeleted, deletedAt));
        }

        var shape = pattern switch
        {
            { Near: not null } => QueryShape.NearSearch,
            { Search.Count: > 0 } => pattern.Fuzzy ? QueryShape.FuzzySearch : QueryShape.FullTextSearch,
            { Aggregate: not null } when pattern.GroupBy.Any(g => g.Bucket is not null) => QueryShape.TimeBuckets,
            { Aggregate: not null } => QueryShape.Aggregate,
            { OrderBy.Count: > 0, Limit: not null } => QueryShape.KeysetPage,
            { Range: not null } => QueryShape.RangeScan,
            _ => QueryShape.Lookup,
        };

        var order = pattern.OrderBy.Select(o => new PlannedSort(Resolve(o.Column), o.Descending)).ToList();
        if (order.Count == 0 && pattern.Range is not null && PatternColumns.Range(table, pattern) is { } rangeOrder)
        {
            order.Add(new PlannedSort(rangeOrder, false));
        }

        IReadOnlyList<string> tie = Array.Empty<string>();
        if (shape == QueryShape.KeysetPage)
        {
            // The primary key breaks ties so the cursor never skips or repeats rows (unless the sort, with the columns
            // fixed by equality, is already unique).
            var fixedColumns = filters.Where(f => f.Kind is PlannedFilterKind.Tenant or PlannedFilterKind.Equals or PlannedFilterKind.EmailEquals
                    or PlannedFilterKind.JsonContains or PlannedFilterKind.ArrayContains)
                .OrderBy(f => f.Kind == PlannedFilterKind.Tenant ? 1 : 0).Select(f => f.Column.Name);
            tie = KeysetOrder.TieBreaker(table.PrimaryKey.Columns, table.UniqueKeys.Select(u => u.Columns), fixedColumns, order.Select(s => s.Column.Name).ToArray());
            order.AddRange(tie.Select(c => new PlannedSort(table.FindColumn(c)!, order[^1].Descending)));
        }

        var projection = pattern.Select.Count > 0 ? pattern.Select.Select(c => Resolve(c).Name).ToArray() : table.Columns.Select(c => c.Name).ToArray();
        var aggregate = pattern.Aggregate is { } spec ? new PlannedAggregate(spec.Function, spec.Column is null ? null : Resolve(spec.Column), spec) : null;
        var bucketKey = pattern.Aggregate is not null ? pattern.GroupBy.FirstOrDefault(g => g.Bucket is not null) : null;
        var bucket = bucketKey is not null ? new PlannedBucket(Resolve(bucketKey.Column), bucketKey.Bucket!.Value) : null;
        var groups = pattern.GroupBy.Where(g => bucket is null || g.Bucket is null).Select(g => Resolve(g.Column)).ToArray();
        var search = pattern.Search.Select(Resolve).ToArray();
        var limit = shape is QueryShape.FuzzySearch or QueryShape.FullTextSearch or QueryShape.NearSearch ? pattern.Limit ?? DefaultSearchLimit : pattern.Limit;
        return new QueryPlan(pattern, table, shape, filters, order, tie, projection, aggregate, bucket, groups, search, limit) { Near = near };
    }

    /// <summary>
    /// The indexes among <paramref name="built"/> that the planner made for this pattern; when it merged the pattern
    /// into a primary or unique key, that key (whose leading columns are the pattern's equality columns, tenant first).
    /// </summary>
    public List<string> ServingIndexes(IEnumerable<Index> built)
    {
        var served = built.Where(i => i.Serves.Contains(Serves.AccessPattern(Pattern.Name), StringComparer.Ordinal)).Select(i => i.Name).ToList();
        if (served.Count > 0 || Pattern.Where.Count == 0)
        {
            return served;
        }

        var equality = Filters.Where(f => f.Kind is not (PlannedFilterKind.RangeStart or PlannedFilterKind.RangeEnd or PlannedFilterKind.NotDeleted))
            .Select(f => f.Column.Name).Distinct(StringComparer.Ordinal).ToList();
        bool Leads(IReadOnlyList<string> keyColumns) =>
            keyColumns.Count >= equality.Count && keyColumns.Take(equality.Count).ToHashSet(StringComparer.Ordinal).SetEquals(equality);
        if (Leads(Table.PrimaryKey.Columns))
        {
            return new List<string> { Table.PrimaryKey.Name };
        }

        return Table.UniqueKeys.Where(u => Leads(u.Columns)).Select(u => u.Name).Take(1).ToList();
    }
}
