using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.SqlServer.SqlServerWriter;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// The T-SQL query of one access pattern, shaped so the index the design built serves it: TOP (n) with an ORDER BY
/// the index delivers, keyset pages continuing from the cursor (never OFFSET), DATETRUNC time buckets with window
/// functions, CONTAINSTABLE/FREETEXTTABLE for search, and the filtered index's predicate repeated.
/// </summary>
internal sealed class SqlServerQueryBuilder
{
    internal const int DefaultSearchLimit = 20;
    internal const int MovingAverageBuckets = 7;

    private readonly Table _table;
    private readonly string _schema;
    private readonly AccessPatternSpec _pattern;
    private readonly List<QueryParameter> _parameters = new();
    private readonly List<string> _notes = new();
    private IReadOnlyList<string> _filters = Array.Empty<string>();
    private IReadOnlyList<QueryParameter> _filterParameters = Array.Empty<QueryParameter>();

    public SqlServerQueryBuilder(Table table, string schema, AccessPatternSpec pattern)
    {
        _table = table;
        _schema = schema;
        _pattern = pattern;
    }

    private string From => "FROM " + W.Qualified(_schema, _table.Name) + " AS t";

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
                ? $"{i.Name} ({string.Join(", ", i.Keys)}){(i.Include.Count > 0 ? " INCLUDE (" + string.Join(", ", i.Include) + ")" : string.Empty)}{(i.Predicate is { } p ? " WHERE " + p : string.Empty)}"
                : n == _table.PrimaryKey.Name ? $"{n} (the clustered primary key, leading with the pattern's columns)" : $"{n} (a unique constraint's index, leading with the pattern's columns)"));
        if (_table.Indexes.Any(i => serving.Contains(i.Name) && i.Predicate is not null))
        {
            _notes.Add("the query repeats the filtered index's predicate, so the optimizer can use the filtered index");
        }

        return new QueryTemplate(_pattern.Name, _table.Name, shape, statements, serving, string.Join("; ", new[] { reason }.Concat(_notes)) + ".");
    }

    /// <summary>The indexes built for the pattern; when the planner merged it into a primary or unique key, that key's index.</summary>
    private List<string> ServingIndexes()
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
            return new List<string> { _table.PrimaryKey.Name };
        }

        return _table.UniqueKeys.Where(u => Leads(u.Columns)).Select(u => u.Name).Take(1).ToList();
    }

    private void Filters()
    {
        var where = new List<string>();
        if (_table.Columns.FirstOrDefault(c => c.Role == ColumnRole.TenantKey) is { } tenant)
        {
            // The security policy filters by SESSION_CONTEXT as well; stating the tenant lets the index seek on it.
            where.Add($"t.{W.Id(tenant.Name)} = {Parameter(tenant, QueryParameterKind.Tenant, $"the caller's tenant ({tenant.Name})")}");
        }

        foreach (var reference in _pattern.Where)
        {
            var column = Column(reference);
            if (SqlServerExpressions.HoldsJson(column))
            {
                var path = Parameter("NVARCHAR(4000)", QueryParameterKind.Contains, column.Name, $"a JSON path in {column.Name}, e.g. '$.key'");
                var value = Parameter("NVARCHAR(4000)", QueryParameterKind.Equals, column.Name, "the value at that path");
                where.Add($"JSON_VALUE(t.{W.Id(column.Name)}, {path}) = {value}");
            }
            else
            {
                where.Add($"t.{W.Id(column.Name)} = {Parameter(column, QueryParameterKind.Equals, column.Name)}");
            }
        }

        if (RangeColumn() is { } range)
        {
            where.Add($"t.{W.Id(range.Name)} >= {Parameter(range, QueryParameterKind.RangeStart, $"start of the {range.Name} range (inclusive)")}");
            where.Add($"t.{W.Id(range.Name)} < {Parameter(range, QueryParameterKind.RangeEnd, $"end of the {range.Name} range (exclusive)")}");
        }

        if (_table.Columns.FirstOrDefault(c => c.Role == ColumnRole.DeletedAt) is { } deletedAt)
        {
            where.Add($"t.{W.Id(deletedAt.Name)} IS NULL");
        }

        _filters = where;
        _filterParameters = _parameters.ToArray();
    }

    private Column? RangeColumn() => PatternColumns.Range(_table, _pattern);

    private QueryStatement Plain(string name)
    {
        var top = _pattern.Limit is { } limit ? $"TOP ({N(limit)}) " : string.Empty;
        var lines = new List<string> { "SELECT " + top + Projection(), From };
        AddWhere(lines, _filters);
        if (_pattern.OrderBy.Count > 0)
        {
            lines.Add("ORDER BY " + W.List(_pattern.OrderBy.Select(o => "t." + W.Id(Column(o.Column).Name) + (o.Descending ? " DESC" : " ASC"))));
        }
        else if (_pattern.Range is not null && RangeColumn() is { } range)
        {
            lines.Add("ORDER BY t." + W.Id(range.Name) + " ASC");
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

        var orderBy = "ORDER BY " + W.List(sort.Select(s => "t." + W.Id(s.Column.Name) + (s.Descending ? " DESC" : " ASC")));
        var top = $"SELECT TOP ({N(_pattern.Limit!.Value)}) " + Projection(sort.Select(s => s.Column.Name));
        var first = new List<string> { top, From };
        AddWhere(first, _filters);
        first.Add(orderBy);

        var cursor = sort.Select(s => (s.Column, s.Descending, Placeholder: Parameter(s.Column, QueryParameterKind.Cursor, $"{s.Column.Name} of the last row of the previous page"))).ToList();
        // T-SQL has no row-value comparison: (a < @a OR (a = @a AND id < @id)), the leading column bounded so the seek starts at the cursor.
        var alternatives = cursor.Select((c, i) => string.Join(" AND ",
            cursor.Take(i).Select(p => $"t.{W.Id(p.Column.Name)} = {p.Placeholder}").Append($"t.{W.Id(c.Column.Name)} {(c.Descending ? "<" : ">")} {c.Placeholder}"))).ToList();
        var lead = cursor[0];
        var predicate = cursor.Count == 1
            ? alternatives[0]
            : $"t.{W.Id(lead.Column.Name)} {(lead.Descending ? "<=" : ">=")} {lead.Placeholder} AND ({string.Join(" OR ", alternatives.Select(a => a.Contains(" AND ", StringComparison.Ordinal) ? "(" + a + ")" : a))})";
        var next = new List<string> { top, From };
        AddWhere(next, _filters.Append(predicate).ToArray());
        next.Add(orderBy);
        _notes.Add($"TOP ({N(_pattern.Limit!.Value)}) with the index's order stops the scan after one page; the next page seeks to the cursor, so page 1,000 costs what page 1 costs (OFFSET would read and discard every earlier row)");
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
        var bucket = $"DATETRUNC({unit}, t.{W.Id(column.Name)})";
        var others = _pattern.GroupBy.Where(g => g.Bucket is null).Select(g => "t." + W.Id(Column(g.Column).Name)).ToList();
        var (call, label) = Aggregate(aggregate);
        var window = (others.Count > 0 ? "PARTITION BY " + W.List(others) + " " : string.Empty) + "ORDER BY " + bucket;
        var select = new List<string> { $"{bucket} AS {W.Id(unit)}" };
        select.AddRange(others);
        select.Add($"{call} AS {W.Id(label)}");
        select.Add($"SUM(CONVERT(FLOAT, {call})) OVER ({window} ROWS UNBOUNDED PRECEDING) AS {W.Id("running_" + label)}");
        select.Add($"AVG(CONVERT(FLOAT, {call})) OVER ({window} ROWS BETWEEN {N(MovingAverageBuckets - 1)} PRECEDING AND CURRENT ROW) AS {W.Id($"moving_avg_{MovingAverageBuckets}")}");
        var lines = new List<string> { "SELECT " + W.List(select), From };
        AddWhere(lines, _filters);
        lines.Add("GROUP BY " + W.List(new[] { bucket }.Concat(others)));
        lines.Add("ORDER BY " + W.List(others.Append(bucket)));
        _notes.Add($"one row per {unit} (DATETRUNC, SQL Server 2022) with {label}, its running total and the average of the last {MovingAverageBuckets} {unit}s by window functions");
        return Statement(name, $"{aggregate} per {unit} over a {column.Name} range.", lines, _filterParameters);
    }

    private QueryStatement Grouped(string name)
    {
        var keys = _pattern.GroupBy.Select(g => "t." + W.Id(Column(g.Column).Name)).ToList();
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
        var target = SqlServerFullText.Targets(new SchemaModel(string.Empty, _schema, new[] { _table }, Array.Empty<string>())).FirstOrDefault();
        var indexed = columns.Where(c => target.Columns?.Contains(c.Name, StringComparer.OrdinalIgnoreCase) == true).ToList();
        var term = Parameter("NVARCHAR(4000)", QueryParameterKind.SearchTerm, columns[0].Name,
            _pattern.Fuzzy ? "free text; FREETEXT matches inflected forms and thesaurus terms" : "a CONTAINS condition: words, \"phrases\", \"prefix*\", AND / OR / NOT");
        if (indexed.Count == 0)
        {
            var like = columns.Select(c => $"t.{W.Id(c.Name)} LIKE N'%' + {term} + N'%'").ToList();
            var plain = new List<string> { $"SELECT TOP ({limit}) " + Projection(), From };
            AddWhere(plain, _filters.Append("(" + string.Join(" OR ", like) + ")").ToArray());
            plain.Add("ORDER BY " + W.List(_table.PrimaryKey.Columns.Select(c => "t." + W.Id(c))));
            _notes.Add("the table has no full-text index (its key is not a single column), so LIKE with a leading wildcard scans; move the search to the search engine when the table grows");
            return Statement(name, "Matches by substring.", plain, _parameters.ToArray());
        }

        var function = _pattern.Fuzzy ? "FREETEXTTABLE" : "CONTAINSTABLE";
        var key = _table.PrimaryKey.Columns[0];
        var lines = new List<string>
        {
            $"SELECT TOP ({limit}) " + Projection() + ", ft.[RANK] AS [rank]",
            From,
            $"INNER JOIN {function}({W.Qualified(_schema, _table.Name)}, ({W.IdList(indexed.Select(c => c.Name))}), {term}) AS ft ON ft.[KEY] = t.{W.Id(key)}",
        };
        AddWhere(lines, _filters);
        lines.Add("ORDER BY ft.[RANK] DESC");
        _notes.Add($"{function} reads the FULLTEXT INDEX on {string.Join(", ", indexed.Select(c => c.Name))} and ranks the matches, best {limit} first" +
            (_pattern.Fuzzy ? "; FREETEXT finds inflections and synonyms, not typos: a search engine or trigram table is needed for typo tolerance" : string.Empty));
        return Statement(name, _pattern.Fuzzy ? "Best free-text matches first." : "Best full-text matches first.", lines, _parameters.ToArray());
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
        var argument = aggregate.Column is null ? "*" : "t." + W.Id(Column(aggregate.Column).Name);
        return (aggregate.Function == AggregateFunction.Count ? $"COUNT_BIG({argument})" : $"{function}({argument})", label);
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

    private string Parameter(Column column, QueryParameterKind kind, string meaning) =>
        Parameter(SqlServerExpressions.NativeType(column), kind, column.Name, meaning);

    private string Parameter(string nativeType, QueryParameterKind kind, string column, string meaning)
    {
        var placeholder = "@p" + N(_parameters.Count + 1);
        _parameters.Add(new QueryParameter(placeholder, nativeType, meaning, kind, column));
        return placeholder;
    }

    private Column Column(string name) => PatternColumns.Resolve(_table, name);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
