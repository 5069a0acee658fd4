using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.Oracle.OracleWriter;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>
/// The query of one access pattern in Oracle SQL, shaped so the pattern's index serves it: bind variables (:p1),
/// FETCH FIRST n ROWS ONLY (12c+), keyset cursors expanded into OR/AND because Oracle has no row-value comparison,
/// GROUP BY repeating expressions (positions are 23ai only), window functions spelled inline (the WINDOW clause is
/// 21c+), LOWER(col) matching the function-based index, and CONTAINS/SCORE for Oracle Text.
/// </summary>
internal sealed class OracleQueryBuilder
{
    internal const int DefaultSearchLimit = 20;
    internal const int MovingAverageBuckets = 7;

    private readonly Table _table;
    private readonly string _schema;
    private readonly AccessPatternSpec _pattern;
    private readonly OracleTypes _types;
    private readonly List<QueryParameter> _parameters = new();
    private readonly List<string> _notes = new();
    private IReadOnlyList<QueryParameter> _filterParameters = Array.Empty<QueryParameter>();
    private IReadOnlyList<string> _filters = Array.Empty<string>();

    public OracleQueryBuilder(Table table, string schema, AccessPatternSpec pattern, OracleTypes types)
    {
        _table = table;
        _schema = schema;
        _pattern = pattern;
        _types = types;
    }

    private string From => "FROM " + W.Qualified(_schema, _table.Name);

    public QueryTemplate Build(string statementName, Func<string, string> claim)
    {
        var serving = ServingIndexes();
        Filters();
        var (shape, statements) = _pattern switch
        {
            { Search.Count: > 0 } => (_pattern.Fuzzy ? QueryShape.FuzzySearch : QueryShape.FullTextSearch, new[] { Search(claim(statementName)) }),
            { Aggregate: not null } when _pattern.GroupBy.Any(g => g.Bucket is not null) => (QueryShape.TimeBuckets, new[] { TimeBuckets(claim(statementName)) }),
            { Aggregate: not null } => (QueryShape.Aggregate, new[] { Grouped(claim(statementName)) }),
            { OrderBy.Count: > 0, Limit: not null } => (QueryShape.KeysetPage, Keyset(claim(statementName), claim(statementName + "_next"))),
            { Range: not null } => (QueryShape.RangeScan, new[] { Plain(claim(statementName)) }),
            _ => (QueryShape.Lookup, new[] { Plain(claim(statementName)) }),
        };

        var parts = new List<string>
        {
            serving.Count == 0 ? "No index serves this pattern: it reads the whole table"
                : "Uses " + string.Join(" and ", serving) + (shape is QueryShape.FuzzySearch or QueryShape.FullTextSearch ? string.Empty : "; the predicates on its leading columns seek"),
        };
        parts.AddRange(_notes);
        return new QueryTemplate(_pattern.Name, _table.Name, shape, statements, serving, string.Join("; ", parts) + ".");
    }

    private void Filters()
    {
        var where = new List<string>();
        if (_table.Columns.FirstOrDefault(c => c.Role == ColumnRole.TenantKey) is { } tenant)
        {
            // VPD appends the same predicate; written here too, the index's leading column seeks for every user.
            where.Add($"{W.Id(tenant.Name)} = {Parameter(tenant, QueryParameterKind.Tenant, $"the caller's tenant ({tenant.Name})")}");
        }

        foreach (var reference in _pattern.Where)
        {
            var column = Column(reference);
            if (column.Type.Kind is LogicalTypeKind.Json or LogicalTypeKind.Array)
            {
                where.Add($"JSON_TEXTCONTAINS({W.Id(column.Name)}, '$', {Parameter("VARCHAR2", QueryParameterKind.Contains, column.Name, $"words {column.Name} must contain (JSON search index)")})");
            }
            else if (column.Type.Kind == LogicalTypeKind.Email)
            {
                where.Add($"LOWER({W.Id(column.Name)}) = LOWER({Parameter(column, QueryParameterKind.Equals, $"{column.Name}, in any letter case")})");
            }
            else
            {
                where.Add($"{W.Id(column.Name)} = {Parameter(column, QueryParameterKind.Equals, column.Name)}");
            }
        }

        if (RangeColumn() is { } range)
        {
            where.Add($"{W.Id(range.Name)} >= {Parameter(range, QueryParameterKind.RangeStart, $"start of the {range.Name} range (inclusive)")}");
            where.Add($"{W.Id(range.Name)} < {Parameter(range, QueryParameterKind.RangeEnd, $"end of the {range.Name} range (exclusive)")}");
        }

        if (_table.Columns.FirstOrDefault(c => c.Role == ColumnRole.DeletedAt) is { } deletedAt)
        {
            where.Add($"{W.Id(deletedAt.Name)} IS NULL");
        }

        _filterParameters = _parameters.ToArray();
        _filters = where;
    }

    private Column? RangeColumn() => PatternColumns.Range(_table, _pattern);

    private QueryStatement Plain(string name)
    {
        var lines = new List<string> { "SELECT " + W.IdList(Projection()), From };
        AddWhere(lines, _filters);
        if (_pattern.OrderBy.Count > 0)
        {
            lines.Add("ORDER BY " + W.List(_pattern.OrderBy.Select(o => W.Id(Column(o.Column).Name) + (o.Descending ? " DESC" : string.Empty))));
        }
        else if (_pattern.Range is not null && RangeColumn() is { } range)
        {
            lines.Add("ORDER BY " + W.Id(range.Name));
        }

        if (_pattern.Limit is { } limit)
        {
            lines.Add($"FETCH FIRST {N(limit)} ROWS ONLY");
        }

        return Statement(name, _pattern.Range is null ? "Rows matching the pattern's keys." : "Rows in the range, in index order.", lines, _filterParameters);
    }

    private QueryStatement[] Keyset(string firstName, string nextName)
    {
        var sort = _pattern.OrderBy.Select(o => (Column: Column(o.Column), o.Descending)).ToList();
        var fixedColumns = _pattern.Where.Select(w => Column(w).Name).Concat(_table.Columns.Where(c => c.Role == ColumnRole.TenantKey).Select(c => c.Name));
        var tie = KeysetOrder.TieBreaker(_table.PrimaryKey.Columns, _table.UniqueKeys.Select(u => u.Columns), fixedColumns, sort.Select(s => s.Column.Name).ToArray());
        sort.AddRange(tie.Select(c => (_table.FindColumn(c)!, sort[^1].Descending)));
        if (tie.Count > 0)
        {
            _notes.Add($"{string.Join(", ", tie)} (the primary key) breaks ties in the sort, so the cursor never skips or repeats rows");
        }

        var projection = Projection().ToList();
        projection.AddRange(sort.Select(s => s.Column.Name).Where(c => !projection.Contains(c)));
        var orderBy = "ORDER BY " + W.List(sort.Select(s => W.Id(s.Column.Name) + (s.Descending ? " DESC" : string.Empty)));
        var limit = $"FETCH FIRST {N(_pattern.Limit!.Value)} ROWS ONLY";

        var first = new List<string> { "SELECT " + W.IdList(projection), From };
        AddWhere(first, _filters);
        first.Add(orderBy);
        first.Add(limit);

        var cursor = sort.Select(s => (s.Column, s.Descending, Placeholder: Parameter(s.Column, QueryParameterKind.Cursor, $"{s.Column.Name} of the last row of the previous page"))).ToList();
        static string Op(bool descending) => descending ? "<" : ">";

        // Oracle has no (a, b) > (x, y): expand it, and bound the leading column so the index range scan starts at the cursor.
        var alternatives = cursor.Select((c, i) => string.Join(" AND ",
            cursor.Take(i).Select(p => $"{W.Id(p.Column.Name)} = {p.Placeholder}").Append($"{W.Id(c.Column.Name)} {Op(c.Descending)} {c.Placeholder}"))).ToList();
        var lead = cursor[0];
        var cursorPredicate = cursor.Count == 1
            ? alternatives[0]
            : $"{W.Id(lead.Column.Name)} {Op(lead.Descending)}= {lead.Placeholder} AND ({string.Join(" OR ", alternatives.Select(a => a.Contains(" AND ", StringComparison.Ordinal) ? "(" + a + ")" : a))})";

        var next = new List<string> { "SELECT " + W.IdList(projection), From };
        AddWhere(next, _filters.Append(cursorPredicate).ToArray());
        next.Add(orderBy);
        next.Add(limit);
        _notes.Add($"FETCH FIRST {N(_pattern.Limit!.Value)} ROWS ONLY stops the index scan early; the next page starts at the cursor (keyset, never OFFSET), so page 1,000 costs what page 1 costs");
        return new[]
        {
            Statement(firstName, "First page.", first, _filterParameters),
            Statement(nextName, "Next page: pass the sort values of the previous page's last row (keyset pagination, never OFFSET).", next, _parameters.ToArray()),
        };
    }

    private QueryStatement TimeBuckets(string name)
    {
        var aggregate = _pattern.Aggregate!;
        var bucketKey = _pattern.GroupBy.First(g => g.Bucket is not null);
        var bucketColumn = Column(bucketKey.Column);
        var unit = bucketKey.Bucket!.Value;
        var format = unit switch
        {
            TimeBucket.Hour => "HH24",
            TimeBucket.Day => "DD",
            TimeBucket.Week => "IW",
            TimeBucket.Month => "MM",
            _ => "YYYY",
        };
        var label = unit.ToString().ToLowerInvariant();
        var bucket = $"TRUNC({W.Id(bucketColumn.Name)}, '{format}')";
        var others = _pattern.GroupBy.Where(g => g.Bucket is null).Select(g => W.Id(Column(g.Column).Name)).ToList();
        var (call, alias) = Aggregate(aggregate);
        var window = "OVER (" + (others.Count > 0 ? "PARTITION BY " + W.List(others) + " " : string.Empty) + "ORDER BY " + bucket;
        var running = aggregate.Function switch
        {
            AggregateFunction.Count or AggregateFunction.Sum => $"SUM({call}) {window})",
            AggregateFunction.Avg => $"SUM(SUM({Argument(aggregate)})) {window}) / NULLIF(SUM(COUNT({Argument(aggregate)})) {window}), 0)",
            AggregateFunction.Min => $"MIN({call}) {window})",
            _ => $"MAX({call}) {window})",
        };
        var select = new List<string> { $"{bucket} AS {W.Id(label)}" };
        select.AddRange(others);
        select.Add($"{call} AS {W.Id(alias)}");
        select.Add($"{running} AS {W.Id("running_" + alias)}");
        select.Add($"AVG({call}) {window} ROWS BETWEEN {N(MovingAverageBuckets - 1)} PRECEDING AND CURRENT ROW) AS {W.Id($"moving_avg_{MovingAverageBuckets}")}");
        var lines = new List<string> { "SELECT " + W.List(select), From };
        AddWhere(lines, _filters);
        lines.Add("GROUP BY " + W.List(others.Prepend(bucket)));
        lines.Add("ORDER BY " + W.List(others.Append(bucket)));
        _notes.Add($"one row per {label} with {alias}, its running total and the average of the last {MovingAverageBuckets} {label}s by window functions; TRUNC works on the session time zone's wall clock");
        return Statement(name, $"{aggregate} per {label} over a {bucketColumn.Name} range.", lines, _filterParameters);
    }

    private QueryStatement Grouped(string name)
    {
        var keys = _pattern.GroupBy.Select(g => W.Id(Column(g.Column).Name)).ToList();
        var (call, alias) = Aggregate(_pattern.Aggregate!);
        var lines = new List<string> { "SELECT " + W.List(keys.Append($"{call} AS {W.Id(alias)}")), From };
        AddWhere(lines, _filters);
        if (keys.Count > 0)
        {
            lines.Add("GROUP BY " + W.List(keys));
            lines.Add("ORDER BY " + W.List(keys));
        }

        return Statement(name, $"{_pattern.Aggregate} per group.", lines, _filterParameters);
    }

    private QueryStatement Search(string name)
    {
        var columns = _pattern.Search.Select(Column).ToList();
        var term = Parameter("VARCHAR2", QueryParameterKind.SearchTerm, columns[0].Name,
            _pattern.Fuzzy ? "the search term (typos allowed)" : "the search words (Oracle Text query: words, AND, OR, NOT, \"phrases\")");
        // Full-text: one CONTEXT index over all search columns (MULTI_COLUMN_DATASTORE) answers CONTAINS on its first
        // column. Fuzzy: each column has its own CONTEXT index, so one CONTAINS per column, each with its own score label.
        var query = _pattern.Fuzzy ? $"'FUZZY({{' || {term} || '}}, 60, 100, WEIGHT)'" : term;
        var searched = _pattern.Fuzzy ? columns : columns.Take(1).ToList();
        var matches = searched.Select((c, i) => $"CONTAINS({W.Id(c.Name)}, {query}, {N(i + 1)}) > 0").ToList();
        var score = searched.Count == 1 ? "SCORE(1)" : $"GREATEST({W.List(searched.Select((_, i) => $"SCORE({N(i + 1)})"))})";
        var lines = new List<string> { "SELECT " + W.List(Projection().Select(W.Id).Append($"{score} AS score")), From };
        AddWhere(lines, _filters.Append(matches.Count == 1 ? matches[0] : "(" + string.Join(" OR ", matches) + ")").ToArray());
        lines.Add($"ORDER BY {score} DESC");
        lines.Add($"FETCH FIRST {N(_pattern.Limit ?? DefaultSearchLimit)} ROWS ONLY");
        _notes.Add(_pattern.Fuzzy
            ? $"CONTAINS with FUZZY (the term in braces, so its characters are not operators) finds spellings within 60% similarity through the Oracle Text index; SCORE(1) ranks them, best {N(_pattern.Limit ?? DefaultSearchLimit)} first"
            : $"CONTAINS searches the Oracle Text index; SCORE(1) ranks the matches, best {N(_pattern.Limit ?? DefaultSearchLimit)} first");
        return Statement(name, _pattern.Fuzzy ? "Best fuzzy matches first." : "Best full-text matches first.", lines, _parameters.ToArray());
    }

    private IReadOnlyList<string> Projection() =>
        _pattern.Select.Count > 0 ? _pattern.Select.Select(c => Column(c).Name).ToArray() : _table.Columns.Select(c => c.Name).ToArray();

    private (string Call, string Alias) Aggregate(AggregateSpec aggregate)
    {
        var function = aggregate.Function.ToString().ToUpperInvariant();
        var alias = aggregate.Column is null ? function.ToLowerInvariant() : function.ToLowerInvariant() + "_" + Column(aggregate.Column).Name;
        return ($"{function}({Argument(aggregate)})", alias);
    }

    private string Argument(AggregateSpec aggregate) => aggregate.Column is null ? "*" : W.Id(Column(aggregate.Column).Name);

    private static void AddWhere(List<string> lines, IReadOnlyList<string> predicates)
    {
        if (predicates.Count > 0)
        {
            lines.Add("WHERE " + string.Join(" AND ", predicates));
        }
    }

    private static QueryStatement Statement(string name, string purpose, List<string> lines, IReadOnlyList<QueryParameter> parameters) =>
        new(name, purpose, string.Join("\n", lines), parameters);

    private string Parameter(Column column, QueryParameterKind kind, string meaning) =>
        Parameter(OracleExpressions.NativeType(column, _types), kind, column.Name, meaning);

    private string Parameter(string nativeType, QueryParameterKind kind, string column, string meaning)
    {
        var placeholder = ":p" + N(_parameters.Count + 1);
        _parameters.Add(new QueryParameter(placeholder, nativeType, meaning, kind, column));
        return placeholder;
    }

    private Column Column(string name) => PatternColumns.Resolve(_table, name);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private IReadOnlyList<string> ServingIndexes()
    {
        var served = _table.Indexes.Where(i => i.Serves.Contains(Serves.AccessPattern(_pattern.Name), StringComparer.Ordinal)).Select(i => i.Name).ToList();
        if (served.Count > 0 || _pattern.Where.Count == 0)
        {
            return served;
        }

        var equality = _table.Columns.Where(c => c.Role == ColumnRole.TenantKey).Select(c => c.Name)
            .Concat(_pattern.Where.Select(w => Column(w).Name)).Distinct(StringComparer.Ordinal).ToList();
        bool Leads(IReadOnlyList<string> keyColumns) =>
            keyColumns.Count >= equality.Count && keyColumns.Take(equality.Count).ToHashSet(StringComparer.Ordinal).SetEquals(equality);
        if (Leads(_table.PrimaryKey.Columns))
        {
            return new[] { _table.PrimaryKey.Name };
        }

        return _table.UniqueKeys.Where(u => Leads(u.Columns)).Select(u => u.Name).Take(1).ToArray();
    }
}
