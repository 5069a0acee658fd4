using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.Sqlite.SqliteWriter;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// The query of one access pattern in SQLite's dialect, shaped for the index the design built: the same columns and
/// expressions (lower()), the partial index's predicate, keyset pages with row values (3.15+), time buckets with
/// strftime and window functions (3.25+), and FTS5 MATCH ranked by bm25 for search. Parameters are numbered (?1).
/// </summary>
internal sealed class SqliteQueryBuilder
{
    internal const int DefaultSearchLimit = 20;
    internal const int MovingAverageBuckets = 7;
    private const string Alias = "t";

    private readonly Table _table;
    private readonly SchemaModel _model;
    private readonly AccessPatternSpec _pattern;
    private readonly List<QueryParameter> _parameters = new();
    private readonly List<string> _notes = new();
    private List<string> _filters = new();
    private IReadOnlyList<QueryParameter> _filterParameters = Array.Empty<QueryParameter>();

    public SqliteQueryBuilder(Table table, SchemaModel model, AccessPatternSpec pattern)
    {
        _table = table;
        _model = model;
        _pattern = pattern;
    }

    private string From => $"FROM {W.Id(_table.Name)} AS {Alias}";

    public QueryTemplate Build(string statementName, Func<string, string> claim)
    {
        // Only indexes SQLite builds: a GIN index on JSON or an array has no SQLite form, so it serves nothing here.
        var serving = _table.Indexes.Where(i => i.Serves.Contains(Serves.AccessPattern(_pattern.Name), StringComparer.Ordinal) && SqliteIndexDdl.IsBTree(i)).Select(i => i.Name).ToList();
        Filters();
        if (serving.Count == 0 && KeyLeadingWithEqualities() is { } key)
        {
            serving.Add(key);
        }

        var (shape, statements) = _pattern switch
        {
            { Search.Count: > 0 } => (_pattern.Fuzzy ? QueryShape.FuzzySearch : QueryShape.FullTextSearch, new[] { Search(claim(statementName), ref serving) }),
            { Aggregate: not null } when _pattern.GroupBy.Any(g => g.Bucket is not null) => (QueryShape.TimeBuckets, new[] { TimeBuckets(claim(statementName)) }),
            { Aggregate: not null } => (QueryShape.Aggregate, new[] { Grouped(claim(statementName)) }),
            { OrderBy.Count: > 0, Limit: not null } => (QueryShape.KeysetPage, Keyset(claim(statementName), claim(statementName + "_next"))),
            { Range: not null } => (QueryShape.RangeScan, new[] { Plain(claim(statementName)) }),
            _ => (QueryShape.Lookup, new[] { Plain(claim(statementName)) }),
        };

        var reason = serving.Count == 0
            ? "No index serves this pattern: SQLite scans the table"
            : $"Uses {string.Join(" and ", serving)}; the predicates repeat the index's columns, expressions and partial predicate so the planner picks it (check with EXPLAIN QUERY PLAN)";
        if (_notes.Count > 0)
        {
            reason += "; " + string.Join("; ", _notes);
        }

        return new QueryTemplate(_pattern.Name, _table.Name, shape, statements, serving, reason + ".");
    }

    /// <summary>The primary or unique key whose leading columns are the pattern's equality columns (tenant first), or null.</summary>
    private string? KeyLeadingWithEqualities()
    {
        if (_pattern.Where.Count == 0)
        {
            return null;
        }

        var equality = _table.Columns.Where(c => c.Role == ColumnRole.TenantKey).Select(c => c.Name)
            .Concat(_pattern.Where.Select(w => Column(w).Name)).Distinct(StringComparer.Ordinal).ToList();
        bool Leads(IReadOnlyList<string> keyColumns) =>
            keyColumns.Count >= equality.Count && keyColumns.Take(equality.Count).ToHashSet(StringComparer.Ordinal).SetEquals(equality);
        if (Leads(_table.PrimaryKey.Columns))
        {
            return _table.PrimaryKey.Name;
        }

        return _table.UniqueKeys.Where(u => Leads(u.Columns)).Select(u => u.Name).FirstOrDefault();
    }

    private void Filters()
    {
        if (_table.Columns.FirstOrDefault(c => c.Role == ColumnRole.TenantKey) is { } tenant)
        {
            _filters.Add($"{Col(tenant)} = {Parameter(tenant, QueryParameterKind.Tenant, $"the caller's tenant ({tenant.Name}); SQLite has no row-level security, so every query states it")}");
        }

        foreach (var reference in _pattern.Where)
        {
            var column = Column(reference);
            if (column.Type.Kind == LogicalTypeKind.Json)
            {
                var p = Parameter("TEXT", QueryParameterKind.Contains, column.Name, $"a JSON object whose top-level members {column.Name} must have, e.g. {{\"key\": \"value\"}}");
                _filters.Add($"NOT EXISTS (SELECT 1 FROM json_each({p}) AS wanted WHERE json_extract({Col(column)}, '$.\"' || wanted.key || '\"') IS NOT wanted.value)");
                _notes.Add($"SQLite has no JSON containment operator or index: the {column.Name} match compares each wanted member with json_extract row by row");
            }
            else if (column.Type.Kind == LogicalTypeKind.Email)
            {
                _filters.Add($"lower({Col(column)}) = lower({Parameter(column, QueryParameterKind.Equals, $"{column.Name}, in any letter case")})");
            }
            else
            {
                _filters.Add($"{Col(column)} = {Parameter(column, QueryParameterKind.Equals, column.Name)}");
            }
        }

        if (RangeColumn() is { } range)
        {
            _filters.Add($"{Col(range)} >= {Parameter(range, QueryParameterKind.RangeStart, $"start of the {range.Name} range (inclusive)")}");
            _filters.Add($"{Col(range)} < {Parameter(range, QueryParameterKind.RangeEnd, $"end of the {range.Name} range (exclusive)")}");
        }

        if (_table.Columns.FirstOrDefault(c => c.Role == ColumnRole.DeletedAt) is { } deletedAt)
        {
            _filters.Add($"{Col(deletedAt)} IS NULL");
        }

        _filterParameters = _parameters.ToArray();
    }

    private Column? RangeColumn() => PatternColumns.Range(_table, _pattern);

    private QueryStatement Plain(string name)
    {
        var lines = new List<string> { "SELECT " + Projection(), From };
        AddWhere(lines, _filters);
        if (_pattern.OrderBy.Count > 0)
        {
            lines.Add("ORDER BY " + W.List(_pattern.OrderBy.Select(o => Col(Column(o.Column)) + (o.Descending ? " DESC" : string.Empty))));
        }
        else if (_pattern.Range is not null && RangeColumn() is { } range)
        {
            lines.Add("ORDER BY " + Col(range));
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
            _notes.Add($"{string.Join(", ", tie)} (the primary key) breaks ties, so the cursor never skips or repeats rows");
        }

        var orderBy = "ORDER BY " + W.List(sort.Select(s => Col(s.Column) + (s.Descending ? " DESC" : string.Empty)));
        var limit = "LIMIT " + N(_pattern.Limit!.Value);
        var first = new List<string> { "SELECT " + Projection(sort.Select(s => s.Column.Name)), From };
        AddWhere(first, _filters);
        first.Add(orderBy);
        first.Add(limit);

        var cursor = sort.Select(s => (s.Column, s.Descending, Placeholder: Parameter(s.Column, QueryParameterKind.Cursor, $"{s.Column.Name} of the last row of the previous page"))).ToList();
        string Op(bool descending) => descending ? "<" : ">";
        string predicate;
        if (cursor.All(c => c.Descending == cursor[0].Descending))
        {
            // A row-value comparison (3.15+) is one range condition the index seeks to.
            predicate = cursor.Count == 1
                ? $"{Col(cursor[0].Column)} {Op(cursor[0].Descending)} {cursor[0].Placeholder}"
                : $"({W.List(cursor.Select(c => Col(c.Column)))}) {Op(cursor[0].Descending)} ({W.List(cursor.Select(c => c.Placeholder))})";
        }
        else
        {
            var alternatives = cursor.Select((c, i) => "(" + string.Join(" AND ",
                cursor.Take(i).Select(p => $"{Col(p.Column)} = {p.Placeholder}").Append($"{Col(c.Column)} {Op(c.Descending)} {c.Placeholder}")) + ")");
            predicate = $"{Col(cursor[0].Column)} {Op(cursor[0].Descending)}= {cursor[0].Placeholder} AND ({string.Join(" OR ", alternatives)})";
        }

        var next = new List<string> { "SELECT " + Projection(sort.Select(s => s.Column.Name)), From };
        AddWhere(next, _filters.Append(predicate).ToList());
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
        var column = Col(Column(bucketKey.Column));
        var unit = bucketKey.Bucket!.Value.ToString().ToLowerInvariant();
        var bucket = bucketKey.Bucket!.Value switch
        {
            TimeBucket.Hour => $"strftime('%Y-%m-%dT%H:00:00Z', {column})",
            TimeBucket.Day => $"date({column})",
            TimeBucket.Week => $"date({column}, '-6 days', 'weekday 1')",
            TimeBucket.Month => $"strftime('%Y-%m-01', {column})",
            _ => $"strftime('%Y-01-01', {column})",
        };
        var others = _pattern.GroupBy.Where(g => g.Bucket is null).Select(g => Col(Column(g.Column))).ToList();
        var (call, label) = Aggregate(aggregate);
        var running = aggregate.Function switch
        {
            AggregateFunction.Count or AggregateFunction.Sum => $"sum({call}) OVER w AS {W.Id("running_" + label)}",
            AggregateFunction.Avg => $"sum(total({Argument(aggregate)})) OVER w / nullif(sum(count({Argument(aggregate)})) OVER w, 0) AS {W.Id("running_" + label)}",
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
        _notes.Add($"one row per {unit} (UTC, from the ISO-8601 text) with {label}, its running total and the average of the last {MovingAverageBuckets} {unit}s by window functions (3.25+)");
        return Statement(name, $"{aggregate} per {unit} over a {bucketKey.Column} range.", lines, _filterParameters);
    }

    private QueryStatement Grouped(string name)
    {
        var keys = _pattern.GroupBy.Select(g => Col(Column(g.Column))).ToList();
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

    private QueryStatement Search(string name, ref List<string> serving)
    {
        var columns = _pattern.Search.Select(Column).Select(c => c.Name).ToList();
        var search = SqliteSearchDdl.For(_model).FirstOrDefault(s => s.Table.Name == _table.Name && s.Trigram == _pattern.Fuzzy && columns.All(c => s.Columns.Contains(c, StringComparer.Ordinal)))
            ?? throw new KeyNotFoundException($"no FTS5 search table covers {string.Join(", ", columns)} of {_table.Name}.");
        serving = new List<string> { search.Name };
        var fts = W.Id(search.Name);
        var limit = _pattern.Limit ?? DefaultSearchLimit;
        string match;
        if (_pattern.Fuzzy)
        {
            // A phrase of the raw term: the trigram tokenizer then matches it as a substring anywhere in the columns.
            var term = Parameter("TEXT", QueryParameterKind.SearchTerm, columns[0], "the text to find (at least 3 characters; matched as a substring in any letter case)");
            match = $"'\"' || replace({term}, '\"', '\"\"') || '\"'";
            _notes.Add($"the trigram FTS5 table finds rows containing the term as a substring (3+ characters); this is substring search, not typo tolerance: misspellings need the spellfix1 extension or application-side suggestions; bm25 ranks, best {N(limit)} first");
        }
        else
        {
            match = Parameter("TEXT", QueryParameterKind.SearchTerm, columns[0], "the FTS5 query: words, \"phrases\", NOT, OR, prefix*");
            _notes.Add($"FTS5 MATCH uses the full-text table's index; bm25() ranks (lower is better), best {N(limit)} first");
        }

        if (columns.Count < search.Columns.Count)
        {
            _notes.Add($"the search table also indexes {string.Join(", ", search.Columns.Except(columns, StringComparer.Ordinal))}, so a match there counts too");
        }

        var lines = new List<string>
        {
            "SELECT " + Projection() + ", bm25(" + fts + ") AS rank",
            $"FROM {fts}",
            $"JOIN {W.Id(_table.Name)} AS {Alias} ON {Alias}.rowid = {fts}.rowid",
        };
        AddWhere(lines, _filters.Prepend($"{fts} MATCH {match}").ToList());
        lines.Add("ORDER BY rank");
        lines.Add("LIMIT " + N(limit));
        return Statement(name, _pattern.Fuzzy ? "Rows containing the term, best first." : "Best full-text matches first.", lines, _parameters.ToArray());
    }

    private string Projection(IEnumerable<string>? extra = null)
    {
        var names = (_pattern.Select.Count > 0 ? _pattern.Select.Select(c => Column(c).Name) : _table.Columns.Select(c => c.Name)).ToList();
        names.AddRange((extra ?? Array.Empty<string>()).Where(c => !names.Contains(c, StringComparer.Ordinal)));
        return W.List(names.Select(n => W.Of(Alias, n)));
    }

    private (string Call, string Label) Aggregate(AggregateSpec aggregate)
    {
        var function = aggregate.Function.ToString().ToLowerInvariant();
        var label = aggregate.Column is null ? function : function + "_" + Column(aggregate.Column).Name;
        return ($"{function}({Argument(aggregate)})", label);
    }

    private string Argument(AggregateSpec aggregate) => aggregate.Column is null ? "*" : Col(Column(aggregate.Column));

    private static string Col(Column column) => W.Of(Alias, column.Name);

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
        Parameter(SqliteExpressions.NativeType(column), kind, column.Name, meaning);

    private string Parameter(string nativeType, QueryParameterKind kind, string column, string meaning)
    {
        var placeholder = "?" + N(_parameters.Count + 1);
        _parameters.Add(new QueryParameter(placeholder, nativeType, meaning, kind, column));
        return placeholder;
    }

    private Column Column(string name) => PatternColumns.Resolve(_table, name);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
