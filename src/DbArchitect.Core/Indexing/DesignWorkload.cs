using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using Index = DbArchitect.Core.Model.Index;

namespace DbArchitect.Core.Indexing;

/// <summary>
/// Design mode: the workload a design's access patterns describe (weights in calls per second, inserts from each
/// table's rows per day), over table profiles estimated from the requirements (row counts, distinct values from
/// uniqueness, enum members and foreign keys). The design's own indexes are the existing set.
/// </summary>
public static class DesignWorkload
{
    /// <summary>Rows assumed for a table whose entity states none.</summary>
    public const long DefaultRows = 10_000;

    public static Workload From(DbDesign design)
    {
        var model = design.Physical;
        var profiles = model.Tables.Select(t => Profile(model, t)).ToList();
        var queries = new List<WorkloadQuery>();
        foreach (var pattern in design.Requirement.AccessPatterns)
        {
            var table = model.Tables.FirstOrDefault(t => string.Equals(t.SourceEntity, pattern.Entity, StringComparison.OrdinalIgnoreCase));
            if (table is null || Scan(table, pattern) is not { } scan)
            {
                continue;
            }

            queries.Add(new WorkloadQuery(pattern.Name, Serves.AccessPattern(pattern.Name), pattern.PerSecond ?? 1, new[] { scan }, "design"));
        }

        var writes = model.Tables.Where(t => t.RowsPerDay is > 0)
            .Select(t => new WorkloadWrite(t.Name, WriteKind.Insert, Array.Empty<string>(), t.RowsPerDay!.Value / 86400.0, $"{t.RowsPerDay:N0} rows per day"))
            .ToList();
        return new Workload(queries, writes, profiles, "calls per second") { Origin = "design " + design.Application };
    }

    private static WorkloadScan? Scan(Table table, AccessPatternSpec pattern)
    {
        try
        {
            var predicates = new List<ScanPredicate>();

            // Row-level security adds the tenant test, and soft delete the live-rows test, to every query of the table.
            foreach (var tenant in table.Columns.Where(c => c.Role == ColumnRole.TenantKey))
            {
                predicates.Add(new ScanPredicate(tenant.Name, PredicateOperator.Equality));
            }

            foreach (var deleted in table.Columns.Where(c => c.Role == ColumnRole.DeletedAt))
            {
                predicates.Add(new ScanPredicate(deleted.Name, PredicateOperator.IsNull));
            }

            foreach (var name in pattern.Where)
            {
                var column = PatternColumns.Resolve(table, name);
                // The design's queries compare a column case-insensitively exactly where it planned a lower() key for it.
                var lower = table.Indexes.Any(i => i.Keys.Any(k => k.Expression is { Kind: IndexExpressionKind.Lower } e && e.Columns[0] == column.Name));
                predicates.Add(new ScanPredicate(column.Name, column.Type.Kind is LogicalTypeKind.Json or LogicalTypeKind.Array ? PredicateOperator.JsonContains : PredicateOperator.Equality, lower ? KeyFunction.Lower : KeyFunction.None));
            }

            if (PatternColumns.Range(table, pattern) is { } range)
            {
                predicates.Add(new ScanPredicate(range.Name, PredicateOperator.Range));
            }

            foreach (var name in pattern.Search)
            {
                predicates.Add(new ScanPredicate(PatternColumns.Resolve(table, name).Name, PredicateOperator.InfixLike));
            }

            var order = pattern.OrderBy.Select(o => new SortKey(PatternColumns.Resolve(table, o.Column).Name, o.Descending)).ToList();
            var group = pattern.GroupBy.Where(g => g.Bucket is null).Select(g => PatternColumns.Resolve(table, g.Column).Name).ToList();
            var projected = pattern.Select.Select(s => PatternColumns.Resolve(table, s).Name).ToList();
            if (pattern.Aggregate is { Column: { } aggregated })
            {
                projected.Add(PatternColumns.Resolve(table, aggregated).Name);
            }

            var all = projected.Count == 0 && pattern.Aggregate is null && group.Count == 0;
            return new WorkloadScan(table.Name, predicates, order, group, projected.Distinct(StringComparer.Ordinal).ToList(), pattern.Limit, all);
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    /// <summary>A table of a design or an imported schema as the advisor sees it, with estimated statistics.</summary>
    public static TableProfile Profile(SchemaModel model, Table table)
    {
        var rows = table.EstimatedRows ?? DefaultRows;
        var columns = table.Columns.Select(c => Column(model, table, c, rows)).ToList();
        var indexes = new List<ExistingIndex>
        {
            new(new IndexDefinition(table.Name, table.PrimaryKey.Columns.Select(c => AdvisedKey.Of(c)).ToList(), Array.Empty<string>(), IndexStructure.Ordered, Array.Empty<PredicateTest>(), true, table.PrimaryKey.Name), true, null, null),
        };
        indexes.AddRange(table.UniqueKeys.Select(u => new ExistingIndex(new IndexDefinition(table.Name, u.Columns.Select(c => AdvisedKey.Of(c)).ToList(), Array.Empty<string>(), IndexStructure.Ordered, Array.Empty<PredicateTest>(), true, u.Name), true, null, null)));
        indexes.AddRange(table.Indexes.Select(i => new ExistingIndex(Definition(table.Name, i), i.Unique, null, null)));
        var fks = table.ForeignKeys.Select(f => new ForeignKeyProfile(f.Name, f.Columns, f.ReferencedTable)).ToList();
        return new TableProfile(model.Schema, table.Name, rows, 0, columns, indexes, fks);
    }

    /// <summary>A design index as the advisor compares it.</summary>
    public static IndexDefinition Definition(string table, Index index) => new(
        table,
        index.Keys.Select(k => k.Expression switch
        {
            null => new AdvisedKey(k.Column!, KeyFunction.None, null, k.Descending, k.Match),
            { Kind: IndexExpressionKind.Lower } e => new AdvisedKey(e.Columns[0], KeyFunction.Lower, null, k.Descending, k.Match),
            var e => new AdvisedKey(k.ToString(), KeyFunction.Raw, null, k.Descending, k.Match),
        }).ToList(),
        index.Include,
        index.Method,
        index.Predicate?.Tests.Select(t => new PredicateTest(t.Column, t.Kind == PredicateKind.IsNull ? PredicateOperator.IsNull : PredicateOperator.IsNotNull, null, false)).ToList() ?? (IReadOnlyList<PredicateTest>)Array.Empty<PredicateTest>(),
        index.Unique,
        index.Name);

    private static ColumnProfile Column(SchemaModel model, Table table, Column column, long rows)
    {
        var unique = table.PrimaryKey.Columns.SequenceEqual(new[] { column.Name }) || table.UniqueKeys.Any(u => u.Columns.SequenceEqual(new[] { column.Name }));
        var fk = table.ForeignKeys.FirstOrDefault(f => f.Columns.Count == 1 && f.Columns[0] == column.Name);
        var type = column.Type;
        double distinct = unique ? rows
            : type.Kind == LogicalTypeKind.Enum ? Math.Max(1, type.EnumValues.Count)
            : type.Kind == LogicalTypeKind.Bool ? 2
            : fk is not null ? Math.Min(rows, model.FindTable(fk.ReferencedTable)?.EstimatedRows ?? Math.Max(1, rows / 10))
            : column.Role is ColumnRole.CreatedAt or ColumnRole.UpdatedAt ? rows
            : Math.Max(1, rows / 10.0);
        var width = type.Kind switch
        {
            LogicalTypeKind.Uuid => 16,
            LogicalTypeKind.SmallInt or LogicalTypeKind.Bool => 2,
            LogicalTypeKind.Int or LogicalTypeKind.Date => 4,
            LogicalTypeKind.String or LogicalTypeKind.Char => Math.Clamp((type.Length ?? 64) / 3, 4, 100),
            LogicalTypeKind.Email or LogicalTypeKind.Url => 30,
            LogicalTypeKind.Text => 200,
            LogicalTypeKind.Json or LogicalTypeKind.Array => 200,
            LogicalTypeKind.Enum => 8,
            LogicalTypeKind.Decimal or LogicalTypeKind.Money => 10,
            _ => 8,
        };
        var family = type.IsTextual || type.Kind is LogicalTypeKind.Email or LogicalTypeKind.Url ? ColumnFamily.Text
            : type.Kind is LogicalTypeKind.Json or LogicalTypeKind.Array ? ColumnFamily.Json
            : type.Kind is LogicalTypeKind.Timestamp or LogicalTypeKind.Date ? ColumnFamily.Time
            : ColumnFamily.Other;

        // Rows are inserted in creation order, so a creation timestamp is stored nearly sorted (what makes BRIN work).
        var correlation = column.Role == ColumnRole.CreatedAt ? 0.99 : 0;
        return new ColumnProfile(column.Name, distinct, column.Nullable ? 0.1 : 0, width, correlation, new Dictionary<string, double>(StringComparer.Ordinal), family);
    }
}
