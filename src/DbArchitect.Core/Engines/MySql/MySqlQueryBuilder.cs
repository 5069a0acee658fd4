using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.MySql.MySqlWriter;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// The MySQL/MariaDB query of one access pattern, shaped so the index the design built serves it: LIMIT with an
/// ORDER BY the index delivers, keyset pages continuing from the cursor (never OFFSET), date-arithmetic time buckets
/// with window functions, MATCH … AGAINST on the FULLTEXT index, LOWER(email) as the engine indexes it. Placeholders
/// are positional `?`, so the parameter list is in the order the text reads and a value used twice is passed twice.
/// </summary>
internal sealed class MySqlQueryBuilder
{
    internal const int DefaultSearchLimit = 20;
    internal const int MovingAverageBuckets = 7;

    private readonly Table _table;
    private readonly AccessPatternSpec _pattern;
    private readonly MySqlDialect _dialect;
    private readonly List<QueryParameter> _parameters = new();
    private readonly List<string> _notes = new();
    private IReadOnlyList<string> _filters = Array.Empty<string>();
    private IReadOnlyList<QueryParameter> _filterParameters = Array.Empty<QueryParameter>();

    public MySqlQueryBuilder(Table table, AccessPatternSpec pattern, MySqlDialect dialect)
    {
        _table = table;
        _pattern = pattern;
        _dialect = dialect;
    }

    // Unqualified, like the build scripts: the statements run in the database the application connects to.
    private string From => "FROM " + W.Id(_table.Name) + " AS t";

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

        var reason = serving.Count == 0
            ? "No index was built for this pattern: it is answered from the clustered primary key or a scan"
            : "Uses " + string.Join(" and ", serving.Select(n => _table.Indexes.FirstOrDefault(i => i.Name == n) is { } i
                ? $"{i.Name} ({string.Join(", ", i.Keys)})"
                : n == _table.PrimaryKey.Name ? $"{n} (the clustered primary key, leading with the pattern's columns)" : $"{n} (a unique key's index, leading with the pattern's columns)"));
        return new QueryTemplate(_pattern.Name, _table.Name, shape, statements, serving, string.Join("; ", new[] { reason }.Concat(_notes.Distinct(StringComparer.Ordinal))) + ".");
    }

    /// <summary>The indexes built for the pattern that exist on this server; when the planner merged it into a key, that key.</summary>
    private List<string> ServingIndexes()
    {
        var built = MySqlIndexDdl.Plan(_table, _dialect).Where(p => p.Sql is not null).Select(p => p.Index).ToList();
        var served = built.Where(i => i.Serves.Contains(Serves.AccessPattern(_pattern.Name), StringComparer.Ordinal)).Select(i => i.Name).ToList();
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
            return new List<string> { _table.PrimaryKey.Name };
        }

        return _table.UniqueKeys.Where(u => Leads(u.Columns)).Select(u => u.Name).Take(1).ToList();
    }

    private void Filters()
    {
        var where = new List<string>();
        if (_table.Columns.FirstOrDefault(c => c.Role == ColumnRole.TenantKey) is { } tenant)
        {
            // Neither server has row-level security: this predicate is the tenant boundary, and the index's leading column.
            where.Add($"{Col(tenant)} = {Parameter(tenant, QueryParameterKind.Tenant, $"the caller's tenant ({tenant.Name})")}");
        }

        foreach (var reference in _pattern.Where)
        {
            var column = Column(reference);
            if (column.Type.Kind is LogicalTypeKind.Json or LogicalTypeKind.Array)
            {
                var document = Parameter(MySqlExpressions.NativeType(column, _dialect), QueryParameterKind.Contains, column.Name,
                    $"a JSON document {column.Name} must contain, e.g. {{\"key\": \"value\"}}");
                where.Add($"JSON_CONTAINS({Col(column)}, {document})");
                _notes.Add($"JSON_CONTAINS on {column.Name} has no index on {_dialect.Product} (no general JSON index): the other predicates narrow the rows first");
            }
            else if (column.Type.Kind == LogicalTypeKind.Email)
            {
                where.Add($"{LowerOf(column)} = LOWER({Parameter(column, QueryParameterKind.Equals, $"{column.Name}, in any letter case")})");
            }
            else
            {
                where.Add($"{Col(column)} = {Parameter(column, QueryParameterKind.Equals, column.Name)}");
            }
        }

        if (RangeColumn() is { } range)
        {
            where.Add($"{Col(range)} >= {Parameter(range, QueryParameterKind.RangeStart, $"start of the {range.Name} range (inclusive)")}");
            where.Add($"{Col(range)} < {Parameter(range, QueryParameterKind.RangeEnd, $"end of the {range.Name} range (exclusive)")}");
        }

        if (_table.Columns.FirstOrDefault(c => c.Role == ColumnRole.DeletedAt) is { } deletedAt)
        {
            where.Add($"{Col(deletedAt)} IS NULL");
        }

        _filters = where;
        _filterParameters = _parameters.ToArray();
    }

    /// <summary>
    /// LOWER(column) spelled as the engine indexed it: MySQL matches its functional key part by the same expression;
    /// MariaDB has none, so the query names the indexed virtual column that holds LOWER(column).
    /// </summary>
    private string LowerOf(Column column)
    {
        var helper = MySqlHelperColumns.LowerOf(column.Name);
        if (MySqlHelperColumns.For(_table, _dialect).Any(h => string.Equals(h.Name, helper, StringComparison.OrdinalIgnoreCase)))
        {
            _notes.Add($"{helper} is the indexed virtual column holding LOWER({column.Name}) (MariaDB has no functional indexes)");
            return "t." + W.Id(helper);
        }

        return $"LOWER({Col(column)})";
    }

    private Column? RangeColumn() => PatternColumns.Range(_table, _pattern);

    private QueryStatement Plain(string name)
    {
        var lines = new List<string> { "SELECT " + Projection(), From };
        AddWhere(lines, _filters);
        if (_pattern.OrderBy.Count > 0)
        {
            lines.Add("ORDER BY " + W.List(_pattern.OrderBy.Select(o => Col(Column(o.Column)) + (o.Descending ? " DESC" : " ASC"))));
        }
        else if (_pattern.Range is not null && RangeColumn() is { } range)
        {
            lines.Add("ORDER BY " + Col(range) + " ASC");
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
        var fixedColumns = _pattern.Where.Select(w => Column(w).Name).Concat(_table.Columns.Where(c => c.Role == ColumnRole.TenantKey).Select(c => c.Name));
        var tie = KeysetOrder.TieBreaker(_table.PrimaryKey.Columns, _table.UniqueKeys.Select(u => u.Columns), fixedColumns, sort.Select(s => s.Column.Name).ToArray());
        sort.AddRange(tie.Select(c => (_table.FindColumn(c)!, sort[^1].Descending)));
        if (tie.Count > 0)
        {
            _notes.Add($"{string.Join(", ", tie)} (the primary key) breaks ties in the sort, so the cursor never skips or repeats rows");
        }

        var orderBy = "ORDER BY " + W.List(sort.Select(s => Col(s.Column) + (s.Descending ? " DESC" : " ASC")));
        var limit = "LIMIT " + N(_pattern.Limit!.Value);
        var select = "SELECT " + Projection(sort.Select(s => s.Column.Name));
        var first = new List<string> { select, From };
        AddWhere(first, _filters);
        first.Add(orderBy);
        first.Add(limit);

        // Every use of a cursor value is its own `?`, added in the order the text reads.
        string Cur(Column column, bool again = false) =>
            Parameter(column, QueryParameterKind.Cursor, $"{column.Name} of the last row of the previous page" + (again ? " (the same value again)" : string.Empty));
        static string Op(bool descending) => descending ? "<" : ">";
        string predicate;
        if (sort.All(c => c.Descending == sort[0].Descending))
        {
            // A row-value comparison states the cursor exactly; MySQL's range optimizer may not seek on a row inequality,
            // so the leading column is bounded as well, which it always seeks on.
            predicate = sort.Count == 1
                ? $"{Col(sort[0].Column)} {Op(sort[0].Descending)} {Cur(sort[0].Column)}"
                : $"{Col(sort[0].Column)} {Op(sort[0].Descending)}= {Cur(sort[0].Column)} AND ({W.List(sort.Select(c => Col(c.Column)))}) {Op(sort[0].Descending)} ({W.List(sort.Select(c => Cur(c.Column, again: c.Column == sort[0].Column)).ToList())})";
        }
        else
        {
            // Mixed directions have no row-value form: a >= ? AND (a > ? OR (a = ? AND b < ?)), the leading column
            // bounded so the seek starts at the cursor.
            var bound = $"{Col(sort[0].Column)} {Op(sort[0].Descending)}= {Cur(sort[0].Column)}";
            var alternatives = new List<string>();
            for (var i = 0; i < sort.Count; i++)
            {
                var terms = sort.Take(i).Select(p => $"{Col(p.Column)} = {Cur(p.Column, again: true)}").ToList();
                terms.Add($"{Col(sort[i].Column)} {Op(sort[i].Descending)} {Cur(sort[i].Column, again: true)}");
                alternatives.Add(terms.Count > 1 ? "(" + string.Join(" AND ", terms) + ")" : terms[0]);
            }

            predicate = $"{bound} AND ({string.Join(" OR ", alternatives)})";
        }

        var next = new List<string> { select, From };
        AddWhere(next, _filters.Append(predicate).ToArray());
        next.Add(orderBy);
        next.Add(limit);
        _notes.Add($"LIMIT {N(_pattern.Limit!.Value)} with the index's order stops the scan after one page; the next page seeks to the cursor, so page 1,000 costs what page 1 costs (OFFSET would read and discard every earlier row)");
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
        var column = Column(bucketKey.Column);
        var unit = bucketKey.Bucket!.Value.ToString().ToLowerInvariant();
        var bucket = Bucket(bucketKey.Bucket.Value, Col(column));
        var others = _pattern.GroupBy.Where(g => g.Bucket is null).Select(g => Col(Column(g.Column))).ToList();
        var (call, label) = Aggregate(aggregate);
        var window = (others.Count > 0 ? "PARTITION BY " + W.List(others) + " " : string.Empty) + "ORDER BY " + bucket;
        var select = new List<string> { $"{bucket} AS {W.Id(unit)}" };
        select.AddRange(others);
        select.Add($"{call} AS {W.Id(label)}");
        select.Add($"SUM({call}) OVER ({window} ROWS UNBOUNDED PRECEDING) AS {W.Id("running_" + label)}");
        select.Add($"AVG({call}) OVER ({window} ROWS BETWEEN {N(MovingAverageBuckets - 1)} PRECEDING AND CURRENT ROW) AS {W.Id($"moving_avg_{MovingAverageBuckets}")}");
        var lines = new List<string> { "SELECT " + W.List(select), From };
        AddWhere(lines, _filters);
        lines.Add("GROUP BY " + W.List(new[] { bucket }.Concat(others)));
        lines.Add("ORDER BY " + W.List(others.Append(bucket)));
        _notes.Add($"one row per {unit} (its start by date arithmetic: neither server has DATE_TRUNC) with {label}, its running total and the average of the last {MovingAverageBuckets} {unit}s by window functions");
        return Statement(name, $"{aggregate} per {unit} over a {column.Name} range.", lines, _filterParameters);
    }

    /// <summary>The start of the bucket holding <paramref name="value"/> as a DATETIME (weeks start on Monday, like ISO weeks).</summary>
    internal static string Bucket(TimeBucket bucket, string value) => bucket switch
    {
        TimeBucket.Hour => $"CAST(DATE_FORMAT({value}, '%Y-%m-%d %H:00:00') AS DATETIME)",
        TimeBucket.Day => $"CAST(DATE({value}) AS DATETIME)",
        TimeBucket.Week => $"CAST(DATE({value}) - INTERVAL WEEKDAY({value}) DAY AS DATETIME)",
        TimeBucket.Month => $"CAST(DATE_FORMAT({value}, '%Y-%m-01') AS DATETIME)",
        TimeBucket.Year => $"CAST(DATE_FORMAT({value}, '%Y-01-01') AS DATETIME)",
        _ => throw new InvalidOperationException($"Unknown time bucket {bucket}."),
    };

    private QueryStatement Grouped(string name)
    {
        var keys = _pattern.GroupBy.Select(g => Col(Column(g.Column))).ToList();
        var (call, label) = Aggregate(_pattern.Aggregate!);
        var lines = new List<string> { "SELECT " + W.List(keys.Append($"{call} AS {W.Id(label)}")), From };
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
        var limit = N(_pattern.Limit ?? DefaultSearchLimit);
        // MATCH must name exactly the columns of one FULLTEXT index: per searched column the index the engine built
        // for this pattern first, so columns with an index each get their own MATCH.
        var fullText = MySqlIndexDdl.Plan(_table, _dialect)
            .Where(p => p.Sql is not null && MySqlIndexDdl.FullTextColumns(p.Index, _table) is { Count: > 0 })
            .OrderByDescending(p => p.Index.Serves.Contains(Serves.AccessPattern(_pattern.Name), StringComparer.Ordinal))
            .Select(p => (p.Index.Name, Columns: MySqlIndexDdl.FullTextColumns(p.Index, _table)!))
            .ToList();
        var matches = columns.Select(c => fullText.FirstOrDefault(f => f.Columns.Contains(c.Name, StringComparer.OrdinalIgnoreCase)))
            .Where(f => f.Name is not null).DistinctBy(f => f.Name, StringComparer.Ordinal).ToList();
        if (matches.Count == 0)
        {
            var like = columns.Select(c => $"{Col(c)} LIKE CONCAT('%', {Parameter(c, QueryParameterKind.SearchTerm, "text the column contains")}, '%')").ToList();
            var plain = new List<string> { "SELECT " + Projection(), From };
            AddWhere(plain, _filters.Append("(" + string.Join(" OR ", like) + ")").ToArray());
            plain.Add("ORDER BY " + W.List(_table.PrimaryKey.Columns.Select(c => "t." + W.Id(c))));
            plain.Add("LIMIT " + limit);
            _notes.Add("the table has no FULLTEXT index on these columns, so LIKE with a leading wildcard scans; move the search to a search engine when the table grows");
            return Statement(name, "Matches by substring.", plain, _parameters.ToArray());
        }

        var mode = _pattern.Fuzzy ? "IN NATURAL LANGUAGE MODE" : "IN BOOLEAN MODE";
        var meaning = _pattern.Fuzzy
            ? "free text; natural-language mode ranks rows by word relevance"
            : "a boolean-mode query: words, +required, -excluded, \"phrases\", prefix*";
        var calls = matches.Select(m => $"MATCH ({W.List(m.Columns.Select(c => "t." + W.Id(c)))}) AGAINST (? {mode})").ToList();
        IEnumerable<QueryParameter> Terms(string again) =>
            matches.Select(m => new QueryParameter("?", "VARCHAR(4000)", meaning + again, QueryParameterKind.SearchTerm, m.Columns[0]));

        // The term again in the WHERE, as `?` is positional: the SELECT's MATCH ranks, the WHERE's lets the FULLTEXT index pick the rows.
        var relevance = calls.Count == 1 ? calls[0] : "(" + string.Join(" + ", calls) + ")";
        var lines = new List<string> { "SELECT " + Projection() + ", " + relevance + " AS `relevance`", From };
        AddWhere(lines, _filters.Append(calls.Count == 1 ? calls[0] : "(" + string.Join(" OR ", calls) + ")").ToArray());
        lines.Add("ORDER BY `relevance` DESC");
        lines.Add("LIMIT " + limit);
        var parameters = Terms(string.Empty).Concat(_filterParameters).Concat(Terms(" (the same value again)")).ToList();
        var unindexed = columns.Where(c => !matches.Any(m => m.Columns.Contains(c.Name, StringComparer.OrdinalIgnoreCase))).Select(c => c.Name).ToList();
        _notes.Add($"MATCH … AGAINST {mode} reads the FULLTEXT index{(matches.Count > 1 ? "es" : string.Empty)} {string.Join(", ", matches.Select(m => $"{m.Name} ({string.Join(", ", m.Columns)})"))} and ranks the matches, best {limit} first" +
            (unindexed.Count > 0 ? $"; {string.Join(", ", unindexed)} has no FULLTEXT index and is not searched" : string.Empty) +
            (_pattern.Fuzzy && _dialect.IsMariaDb ? "; MariaDB has no ngram parser, so it matches whole words, not typos: a search engine is needed for typo tolerance" : string.Empty) +
            (_pattern.Fuzzy && !_dialect.IsMariaDb ? "; the ngram parser matches 2-character fragments, so infixes and near-misses still score" : string.Empty));
        return Statement(name, _pattern.Fuzzy ? "Best natural-language matches first." : "Best full-text matches first.", lines, parameters);
    }

    private string Projection(IEnumerable<string>? extra = null)
    {
        var columns = (_pattern.Select.Count > 0 ? _pattern.Select.Select(c => Column(c).Name) : _table.Columns.Select(c => c.Name)).ToList();
        columns.AddRange((extra ?? Array.Empty<string>()).Where(c => !columns.Contains(c, StringComparer.Ordinal)));
        return W.List(columns.Select(c => "t." + W.Id(c)));
    }

    private (string Call, string Label) Aggregate(AggregateSpec aggregate)
    {
        var function = aggregate.Function.ToString().ToUpperInvariant();
        var label = aggregate.Column is null ? function.ToLowerInvariant() : function.ToLowerInvariant() + "_" + Column(aggregate.Column).Name;
        var argument = aggregate.Column is null ? "*" : Col(Column(aggregate.Column));
        return ($"{function}({argument})", label);
    }

    private static void AddWhere(List<string> lines, IReadOnlyList<string> predicates)
    {
        if (predicates.Count > 0)
        {
            lines.Add("WHERE " + string.Join("\n  AND ", predicates));
        }
    }

    private static QueryStatement Statement(string name, string purpose, List<string> lines, IReadOnlyList<QueryParameter> parameters) =>
        new(name, purpose, string.Join("\n", lines), parameters);

    private static string Col(Column column) => "t." + W.Id(column.Name);

    private string Parameter(Column column, QueryParameterKind kind, string meaning) =>
        Parameter(MySqlExpressions.NativeType(column, _dialect), kind, column.Name, meaning);

    private string Parameter(string nativeType, QueryParameterKind kind, string column, string meaning)
    {
        _parameters.Add(new QueryParameter("?", nativeType, meaning, kind, column));
        return "?";
    }

    private Column Column(string name) => PatternColumns.Resolve(_table, name);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
