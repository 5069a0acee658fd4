using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using Index = DbArchitect.Core.Model.Index;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// The query of one access pattern, written so the index the design built for that pattern serves it: the same
/// columns in the same order, the same expressions (lower(), the full-text document), the index's partial predicate,
/// and an ORDER BY the index delivers.
/// </summary>
internal sealed class PostgreSqlQueryBuilder
{
    /// <summary>Rows a search returns when the pattern states no limit: a result page, not the whole table.</summary>
    internal const int DefaultSearchLimit = 20;

    /// <summary>Buckets in the moving average of a time-bucket aggregate.</summary>
    internal const int MovingAverageBuckets = 7;

    private readonly Table _table;
    private readonly string _schema;
    private readonly AccessPatternSpec _pattern;
    private readonly List<QueryParameter> _parameters = new();
    private readonly List<string> _where = new();
    private readonly List<string> _notes = new();
    private IReadOnlyList<QueryParameter> _filterParameters = Array.Empty<QueryParameter>();
    private IReadOnlyList<string> _filters = Array.Empty<string>();
    private IReadOnlyList<IndexKey> _sort = Array.Empty<IndexKey>();

    public PostgreSqlQueryBuilder(Table table, string schema, AccessPatternSpec pattern)
    {
        _table = table;
        _schema = schema;
        _pattern = pattern;
    }

    private string From => "FROM " + W.Qualified(_schema, _table.Name);

    /// <summary>The template; <paramref name="statementName"/> names its first statement (the next page appends _next).</summary>
    public QueryTemplate Build(string statementName, Func<string, string> claim)
    {
        var serving = ServingIndexes();
        Filters();
        var (shape, statements) = _pattern switch
        {
            { Search.Count: > 0, Fuzzy: true } => (QueryShape.FuzzySearch, new[] { Fuzzy(claim(statementName)) }),
            { Search.Count: > 0 } => (QueryShape.FullTextSearch, new[] { FullText(claim(statementName)) }),
            { Aggregate: not null } when _pattern.GroupBy.Any(g => g.Bucket is not null) => (QueryShape.TimeBuckets, new[] { TimeBuckets(claim(statementName)) }),
            { Aggregate: not null } => (QueryShape.Aggregate, new[] { Grouped(claim(statementName)) }),
            { OrderBy.Count: > 0, Limit: not null } => (QueryShape.KeysetPage, Keyset(claim(statementName), claim(statementName + "_next"))),
            { Range: not null } => (QueryShape.RangeScan, new[] { Plain(claim(statementName)) }),
            _ => (QueryShape.Lookup, new[] { Plain(claim(statementName)) }),
        };

        var reason = Why(shape, serving.Select(n => _table.Indexes.FirstOrDefault(i => i.Name == n)).ToList(), serving);
        return new QueryTemplate(_pattern.Name, _table.Name, shape, statements, serving, reason);
    }

    // ---- predicates shared by every shape -----------------------------------------------------------------------

    /// <summary>Tenant, equality, containment, range and soft-delete predicates: the leading columns of the pattern's index.</summary>
    private void Filters()
    {
        if (_table.Columns.FirstOrDefault(c => c.Role == ColumnRole.TenantKey) is { } tenant)
        {
            // Row-level security adds this predicate only for roles that do not bypass it (not the owner, not a
            // superuser); written here, the index's leading column seeks whatever role runs the query.
            _where.Add($"{W.Id(tenant.Name)} = {Parameter(tenant, QueryParameterKind.Tenant, $"the caller's tenant ({tenant.Name})")}");
        }

        foreach (var reference in _pattern.Where)
        {
            var column = Column(reference);
            if (column.Type.Kind == LogicalTypeKind.Json)
            {
                _where.Add($"{W.Id(column.Name)} @> {W.Cast(Parameter("jsonb", QueryParameterKind.Contains, column.Name, $"a JSON document {column.Name} must contain, e.g. {{\"key\": \"value\"}}"), "jsonb")}");
            }
            else if (column.Type.Kind == LogicalTypeKind.Email)
            {
                _where.Add($"lower({W.Id(column.Name)}) = lower({Parameter(column, QueryParameterKind.Equals, $"{column.Name}, in any letter case")})");
            }
            else
            {
                _where.Add($"{W.Id(column.Name)} = {Parameter(column, QueryParameterKind.Equals, column.Name)}");
            }
        }

        if (RangeColumn() is { } range)
        {
            _where.Add($"{W.Id(range.Name)} >= {Parameter(range, QueryParameterKind.RangeStart, $"start of the {range.Name} range (inclusive)")}");
            _where.Add($"{W.Id(range.Name)} < {Parameter(range, QueryParameterKind.RangeEnd, $"end of the {range.Name} range (exclusive)")}");
        }

        if (_table.Columns.FirstOrDefault(c => c.Role == ColumnRole.DeletedAt) is { } deletedAt)
        {
            _where.Add($"{W.Id(deletedAt.Name)} IS NULL");
        }

        _filterParameters = _parameters.ToArray();
        _filters = _where.ToArray();
    }

    private Column? RangeColumn() => PatternColumns.Range(_table, _pattern);

    // ---- shapes -------------------------------------------------------------------------------------------------

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
            lines.Add("LIMIT " + N(limit));
        }

        return Statement(name, _pattern.Range is null ? "Rows matching the pattern's keys." : "Rows in the range, in index order.", lines, _filterParameters);
    }

    private QueryStatement[] Keyset(string firstName, string nextName)
    {
        var sort = _pattern.OrderBy.Select(o => (Column: Column(o.Column), o.Descending)).ToList();
        var fixedColumns = _pattern.Where.Select(w => Column(w).Name)
            .Concat(_table.Columns.Where(c => c.Role == ColumnRole.TenantKey).Select(c => c.Name));
        var tie = KeysetOrder.TieBreaker(_table.PrimaryKey.Columns, _table.UniqueKeys.Select(u => u.Columns), fixedColumns, sort.Select(s => s.Column.Name).ToArray());
        sort.AddRange(tie.Select(c => (_table.FindColumn(c)!, sort[^1].Descending)));
        _sort = sort.Select(s => IndexKey.Of(s.Column.Name, s.Descending)).ToList();
        if (tie.Count > 0)
        {
            _notes.Add($"{string.Join(", ", tie)} (the primary key) breaks ties in the sort, so the cursor never skips or repeats rows");
        }

        var projection = Projection().ToList();
        projection.AddRange(sort.Select(s => s.Column.Name).Where(c => !projection.Contains(c)));
        var orderBy = "ORDER BY " + W.List(sort.Select(s => W.Id(s.Column.Name) + (s.Descending ? " DESC" : string.Empty)));
        var limit = "LIMIT " + N(_pattern.Limit!.Value);

        var first = new List<string> { "SELECT " + W.IdList(projection), From };
        AddWhere(first, _filters);
        first.Add(orderBy);
        first.Add(limit);

        var cursor = sort.Select(s => (s.Column, s.Descending, Placeholder: Parameter(s.Column, QueryParameterKind.Cursor, $"{s.Column.Name} of the last row of the previous page"))).ToList();
        string Op(bool descending) => descending ? "<" : ">";
        string cursorPredicate;
        if (cursor.All(c => c.Descending == cursor[0].Descending))
        {
            // A row-value comparison is one index condition: the scan starts right after the cursor.
            cursorPredicate = cursor.Count == 1
                ? $"{W.Id(cursor[0].Column.Name)} {Op(cursor[0].Descending)} {cursor[0].Placeholder}"
                : $"({W.IdList(cursor.Select(c => c.Column.Name))}) {Op(cursor[0].Descending)} ({W.List(cursor.Select(c => c.Placeholder))})";
        }
        else
        {
            // Mixed directions cannot be one row comparison: expand it, and bound the leading sort column so the
            // index still seeks to the cursor instead of filtering from the start.
            var alternatives = cursor.Select((c, i) => string.Join(" AND ",
                cursor.Take(i).Select(p => $"{W.Id(p.Column.Name)} = {p.Placeholder}").Append($"{W.Id(c.Column.Name)} {Op(c.Descending)} {c.Placeholder}")));
            var lead = cursor[0];
            cursorPredicate = $"{W.Id(lead.Column.Name)} {Op(lead.Descending)}= {lead.Placeholder} AND ({string.Join(" OR ", alternatives.Select(a => a.Contains(" AND ", StringComparison.Ordinal) ? "(" + a + ")" : a))})";
        }

        var nullable = sort.Where(s => s.Column.Nullable).Select(s => s.Column.Name).ToList();
        if (nullable.Count > 0)
        {
            _notes.Add($"{string.Join(", ", nullable)} may be NULL: those rows sort {(sort.First(s => s.Column.Nullable).Descending ? "first" : "last")} and a NULL cursor matches nothing, so page them separately (… IS NULL ordered by the key)");
        }

        var next = new List<string> { "SELECT " + W.IdList(projection), From };
        AddWhere(next, _filters.Append(cursorPredicate).ToArray());
        next.Add(orderBy);
        next.Add(limit);
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
        var unit = bucketKey.Bucket!.Value.ToString().ToLowerInvariant();
        var bucket = $"date_trunc({W.String(unit)}, {W.Id(bucketColumn.Name)})";
        var others = _pattern.GroupBy.Where(g => g.Bucket is null).Select(g => W.Id(Column(g.Column).Name)).ToList();
        var (call, label) = Aggregate(aggregate);

        var running = aggregate.Function switch
        {
            AggregateFunction.Count or AggregateFunction.Sum => $"sum({call}) OVER w AS {W.Id("running_" + label)}",
            AggregateFunction.Avg => $"sum(sum({Argument(aggregate)})) OVER w / nullif(sum(count({Argument(aggregate)})) OVER w, 0) AS {W.Id("running_" + label)}",
            AggregateFunction.Min => $"min({call}) OVER w AS {W.Id("running_" + label)}",
            _ => $"max({call}) OVER w AS {W.Id("running_" + label)}",
        };
        var select = new List<string> { $"{bucket} AS {W.Id(unit)}" };
        select.AddRange(others);
        select.Add($"{call} AS {W.Id(label)}");
        select.Add(running);
        select.Add($"avg({call}) OVER (w ROWS BETWEEN {N(MovingAverageBuckets - 1)} PRECEDING AND CURRENT ROW) AS {W.Id($"moving_avg_{MovingAverageBuckets}")}");

        var lines = new List<string> { "SELECT " + W.List(select), From };
        AddWhere(lines, _filters);
        var positions = Enumerable.Range(1, 1 + others.Count).Select(N).ToList();
        lines.Add("GROUP BY " + W.List(positions));
        lines.Add("WINDOW w AS (" + (others.Count > 0 ? "PARTITION BY " + W.List(others) + " " : string.Empty) + "ORDER BY " + bucket + ")");
        lines.Add("ORDER BY " + W.List(positions.Skip(1).Append("1")));
        _notes.Add($"one row per {unit} with {label}, its running total and the average of the last {MovingAverageBuckets} {unit}s by window functions; {unit}s follow the session's TimeZone");
        return Statement(name, $"{aggregate} per {unit} over a {bucketColumn.Name} range.", lines, _filterParameters);
    }

    private QueryStatement Grouped(string name)
    {
        var keys = _pattern.GroupBy.Select(g => W.Id(Column(g.Column).Name)).ToList();
        var (call, label) = Aggregate(_pattern.Aggregate!);
        var lines = new List<string> { "SELECT " + W.List(keys.Append($"{call} AS {W.Id(label)}")), From };
        AddWhere(lines, _filters);
        if (keys.Count > 0)
        {
            var positions = Enumerable.Range(1, keys.Count).Select(N).ToList();
            lines.Add("GROUP BY " + W.List(positions));
            lines.Add("ORDER BY " + W.List(positions));
        }

        return Statement(name, $"{_pattern.Aggregate} per group.", lines, _filterParameters);
    }

    private QueryStatement Fuzzy(string name)
    {
        var columns = _pattern.Search.Select(Column).ToList();
        var term = Parameter("text", QueryParameterKind.SearchTerm, columns[0].Name, "the search term (typos allowed)");
        // pg_trgm lives in schema public (the index names public.gin_trgm_ops); qualifying its operator and function
        // keeps the query valid whatever the application's search_path.
        var matches = columns.Select(c => $"{W.Id(c.Name)} OPERATOR(public.%) {term}").ToList();
        var scores = columns.Select(c => $"public.similarity({W.Id(c.Name)}, {term})").ToList();
        var score = scores.Count == 1 ? scores[0] : $"greatest({W.List(scores)})";
        var lines = new List<string> { "SELECT " + W.List(Projection().Select(W.Id).Append($"{score} AS similarity")), From };
        AddWhere(lines, _filters.Append(matches.Count == 1 ? matches[0] : "(" + string.Join(" OR ", matches) + ")").ToArray());
        lines.Add("ORDER BY similarity DESC");
        lines.Add("LIMIT " + N(_pattern.Limit ?? DefaultSearchLimit));
        _notes.Add(columns.Count == 1
            ? $"% keeps rows whose trigram similarity passes pg_trgm.similarity_threshold (0.3 by default) and the GIN index finds them; the best {N(_pattern.Limit ?? DefaultSearchLimit)} come first"
            : $"one % predicate per column joined by OR lets each column's trigram index answer its part (a BitmapOr); greatest(similarity) ranks a match on any column, best {N(_pattern.Limit ?? DefaultSearchLimit)} first");
        return Statement(name, "Best fuzzy matches first.", lines, _parameters.ToArray());
    }

    private QueryStatement FullText(string name)
    {
        var columns = _pattern.Search.Select(Column).ToList();
        // Repeat the index's document expression verbatim (same regconfig, coalesce and concatenation): the planner
        // matches an expression index only on an identical expression.
        var expression = _table.Indexes.SelectMany(i => i.Keys).Select(k => k.Expression)
            .FirstOrDefault(e => e is { Kind: IndexExpressionKind.FullText } && e.Columns.SequenceEqual(columns.Select(c => c.Name), StringComparer.Ordinal))
            ?? new IndexExpression(IndexExpressionKind.FullText, columns.Select(c => c.Name).ToList(), _pattern.Language ?? "english");
        var language = W.Cast(W.String(string.IsNullOrWhiteSpace(expression.Language) ? "simple" : expression.Language), "regconfig");
        var document = PostgreSqlExpressions.IndexExpression(expression, _table);
        var term = Parameter("text", QueryParameterKind.SearchTerm, columns[0].Name, "the search text (web-search syntax: words, \"phrases\", -excluded, or)");
        var query = $"websearch_to_tsquery({language}, {term})";
        var lines = new List<string> { "SELECT " + W.List(Projection().Select(W.Id).Append($"ts_rank({document}, {query}) AS rank")), From };
        AddWhere(lines, _filters.Append($"{document} @@ {query}").ToArray());
        lines.Add("ORDER BY rank DESC");
        lines.Add("LIMIT " + N(_pattern.Limit ?? DefaultSearchLimit));
        _notes.Add($"the document expression is the index's own, so the GIN index finds the matches; ts_rank orders them, best {N(_pattern.Limit ?? DefaultSearchLimit)} first");
        return Statement(name, "Best full-text matches first.", lines, _parameters.ToArray());
    }

    // ---- pieces -------------------------------------------------------------------------------------------------

    /// <summary>The columns the pattern selects, else every column of the table (named, never *).</summary>
    private IReadOnlyList<string> Projection() =>
        _pattern.Select.Count > 0
            ? _pattern.Select.Select(c => Column(c).Name).ToArray()
            : _table.Columns.Select(c => c.Name).ToArray();

    private (string Call, string Label) Aggregate(AggregateSpec aggregate)
    {
        var function = aggregate.Function.ToString().ToLowerInvariant();
        var label = aggregate.Column is null ? function : function + "_" + Column(aggregate.Column).Name;
        return ($"{function}({Argument(aggregate)})", label);
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
        Parameter(PostgreSqlExpressions.NativeType(column), kind, column.Name, meaning);

    private string Parameter(string nativeType, QueryParameterKind kind, string column, string meaning)
    {
        var placeholder = "$" + N(_parameters.Count + 1);
        _parameters.Add(new QueryParameter(placeholder, nativeType, meaning, kind, column));
        return placeholder;
    }

    private Column Column(string name) => PatternColumns.Resolve(_table, name);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    // ---- the serving index and why ------------------------------------------------------------------------------

    /// <summary>
    /// The indexes built for the pattern; when the planner merged it into a primary or unique key, that key's index
    /// (PostgreSQL names a constraint's index after the constraint).
    /// </summary>
    private IReadOnlyList<string> ServingIndexes()
    {
        var served = _table.Indexes.Where(i => i.Serves.Contains(Serves.AccessPattern(_pattern.Name), StringComparer.Ordinal)).Select(i => i.Name).ToList();
        if (served.Count > 0)
        {
            return served;
        }

        if (_pattern.Where.Count == 0)
        {
            return Array.Empty<string>();
        }

        var equality = _table.Columns.Where(c => c.Role == ColumnRole.TenantKey).Select(c => c.Name)
            .Concat(_pattern.Where.Select(w => Column(w).Name)).Distinct(StringComparer.Ordinal).ToList();
        bool Leads(IReadOnlyList<string> keyColumns) =>
            equality.Count > 0 && keyColumns.Count >= equality.Count && keyColumns.Take(equality.Count).ToHashSet(StringComparer.Ordinal).SetEquals(equality);
        if (Leads(_table.PrimaryKey.Columns))
        {
            return new[] { _table.PrimaryKey.Name };
        }

        return _table.UniqueKeys.Where(u => Leads(u.Columns)).Select(u => u.Name).Take(1).ToArray();
    }

    /// <summary>True when a serving B-tree, after its equality columns, lists the ORDER BY (all directions as written or all reversed).</summary>
    private bool DeliversOrder(IReadOnlyList<Index?> indexes) =>
        indexes.Any(index => index is { Method: IndexMethod.BTree } && _sort.Count > 0 && SortAfterEquality(index) is { } keys && keys.Count >= _sort.Count
            && (keys.Take(_sort.Count).SequenceEqual(_sort) || keys.Take(_sort.Count).SequenceEqual(_sort.Select(k => k with { Descending = !k.Descending }))));

    private List<IndexKey>? SortAfterEquality(Index index)
    {
        var keys = index.Keys.ToList();
        var fixedCount = keys.TakeWhile(k => !_sort.Any(s => s.Column == k.Column)).Count();
        return keys.Skip(fixedCount).ToList();
    }

    private string Why(QueryShape shape, IReadOnlyList<Index?> indexes, IReadOnlyList<string> names)
    {
        var parts = new List<string>();
        if (names.Count == 0)
        {
            parts.Add("No index serves this pattern: it reads the whole table");
        }
        else
        {
            parts.Add("Uses " + string.Join(" and ", names.Select((n, i) => indexes[i] is { } index
                ? $"{n} ({string.Join(", ", index.Keys)}{(index.Include.Count > 0 ? ") INCLUDE (" + string.Join(", ", index.Include) : string.Empty)}){(index.Predicate is { } p ? " WHERE " + p : string.Empty)}"
                : $"{n} (a key constraint leading with the pattern's columns)")));
            var seek = _filters.Where(f => !f.EndsWith(" IS NULL", StringComparison.Ordinal)).ToList();
            if (shape is QueryShape.KeysetPage or QueryShape.Lookup or QueryShape.RangeScan && seek.Count > 0)
            {
                parts.Add("the predicates on its leading columns seek");
            }

            if (shape == QueryShape.KeysetPage && !DeliversOrder(indexes))
            {
                parts.Add($"the index does not end with the whole ORDER BY ({string.Join(", ", _sort)}), so matching rows are sorted before the first {N(_pattern.Limit!.Value)} are returned");
            }
            else if (shape == QueryShape.KeysetPage)
            {
                parts.Add($"its order is the ORDER BY, so the scan stops after {N(_pattern.Limit!.Value)} rows; the next page starts at the cursor, so page 1,000 costs what page 1 costs");
            }

            if (indexes.Any(i => i?.Predicate is not null))
            {
                parts.Add("the query repeats the partial index's predicate so the index applies");
            }

            var projected = Projection();
            if (indexes.Count == 1 && indexes[0] is { Method: IndexMethod.BTree } only
                && projected.All(c => only.Keys.Any(k => k.Column == c) || only.Include.Contains(c)) && shape is not QueryShape.TimeBuckets and not QueryShape.Aggregate)
            {
                parts.Add("every projected column is in the index: an index-only scan");
            }
        }

        parts.AddRange(_notes);
        return string.Join("; ", parts) + ".";
    }
}
