using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using Index = DbArchitect.Core.Model.Index;
using W = DbArchitect.Core.Engines.MySql.MySqlWriter;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// Renders a <see cref="QueryPlan"/> in the MySQL/MariaDB dialect, so the index the design built serves it: LIMIT with
/// an ORDER BY the index delivers, keyset pages continuing from the cursor (never OFFSET), date-arithmetic time
/// buckets with window functions, MATCH … AGAINST on the FULLTEXT index, LOWER(email) as the engine indexes it.
/// Placeholders are positional `?`, so the parameter list is in the order the text reads and a value used twice is
/// passed twice.
/// </summary>
internal sealed class MySqlQueryBuilder : QueryRenderer
{
    private readonly MySqlDialect _dialect;

    public MySqlQueryBuilder(QueryPlan plan, MySqlDialect dialect)
        : base(plan) => _dialect = dialect;

    // Unqualified, like the build scripts: the statements run in the database the application connects to.
    protected override string From => "FROM " + W.Id(Plan.Table.Name) + " AS t";

    protected override string AndSeparator => "\n  AND ";

    protected override string Ascending => " ASC";

    /// <summary>Only the indexes this server builds (MySqlIndexDdl leaves out what it cannot state).</summary>
    protected override IEnumerable<Index> BuiltIndexes => MySqlIndexDdl.Plan(Plan.Table, _dialect).Where(p => p.Sql is not null).Select(p => p.Index);

    protected override string Col(string column) => "t." + W.Id(column);

    protected override string Alias(string name) => W.Id(name);

    protected override string Placeholder(int position) => "?";

    protected override string NativeType(Column column) => MySqlExpressions.NativeType(column, _dialect);

    protected override string? LimitClause(int limit) => "LIMIT " + N(limit);

    protected override string AggregateCall(PlannedAggregate aggregate) =>
        $"{aggregate.Function.ToString().ToUpperInvariant()}({(aggregate.Column is null ? "*" : Col(aggregate.Column.Name))})";

    protected override string BucketStart(TimeBucket bucket, string column) => Bucket(bucket, column);

    protected override string RunningTotal(PlannedAggregate aggregate, string call, string window) => $"SUM({call}) OVER ({window} ROWS UNBOUNDED PRECEDING)";

    protected override string MovingAverage(string call, string window) =>
        $"AVG({call}) OVER ({window} ROWS BETWEEN {N(QueryPlan.MovingAverageBuckets - 1)} PRECEDING AND CURRENT ROW)";

    protected override string TimeBucketNote(PlannedBucket bucket, string label) =>
        $" (its start by date arithmetic: neither server has DATE_TRUNC) with {label}, its running total and the average of the last {QueryPlan.MovingAverageBuckets} {bucket.Unit}s by window functions";

    protected override string? KeysetNote(int limit) =>
        $"LIMIT {N(limit)} with the index's order stops the scan after one page; the next page seeks to the cursor, so page 1,000 costs what page 1 costs (OFFSET would read and discard every earlier row)";

    protected override string Reason()
    {
        var table = Plan.Table;
        var reason = Serving.Count == 0
            ? "No index was built for this pattern: it is answered from the clustered primary key or a scan"
            : "Uses " + string.Join(" and ", Serving.Select(n => table.Indexes.FirstOrDefault(i => i.Name == n) is { } i
                ? $"{i.Name} ({string.Join(", ", i.Keys)})"
                : n == table.PrimaryKey.Name ? $"{n} (the clustered primary key, leading with the pattern's columns)" : $"{n} (a unique key's index, leading with the pattern's columns)"));
        return string.Join("; ", new[] { reason }.Concat(Notes.Distinct(StringComparer.Ordinal))) + ".";
    }

    protected override string Filter(PlannedFilter filter)
    {
        var column = filter.Column;
        switch (filter.Kind)
        {
            case PlannedFilterKind.JsonContains or PlannedFilterKind.ArrayContains:
                var document = Parameter(NativeType(column), QueryParameterKind.Contains, column.Name, filter.Meaning!);
                Notes.Add($"JSON_CONTAINS on {column.Name} has no index on {_dialect.Product} (no general JSON index): the other predicates narrow the rows first");
                return $"JSON_CONTAINS({Col(column.Name)}, {document})";
            case PlannedFilterKind.EmailEquals:
                return $"{LowerOf(column)} = LOWER({Parameter(column, QueryParameterKind.Equals, filter.Meaning!)})";
            default:
                // Neither server has row-level security: the tenant predicate is the tenant boundary, and the index's leading column.
                return base.Filter(filter);
        }
    }

    /// <summary>Every use of a cursor value is its own `?`, added in the order the text reads.</summary>
    protected override string Cursor(IReadOnlyList<PlannedSort> sort, bool rowValues)
    {
        string Cur(Column column, bool again = false) =>
            Parameter(column, QueryParameterKind.Cursor, $"{column.Name} of the last row of the previous page" + (again ? " (the same value again)" : string.Empty));
        static string Op(bool descending) => descending ? "<" : ">";
        if (sort.All(c => c.Descending == sort[0].Descending))
        {
            // A row-value comparison states the cursor exactly; MySQL's range optimizer may not seek on a row inequality,
            // so the leading column is bounded as well, which it always seeks on.
            return sort.Count == 1
                ? $"{Col(sort[0].Column.Name)} {Op(sort[0].Descending)} {Cur(sort[0].Column)}"
                : $"{Col(sort[0].Column.Name)} {Op(sort[0].Descending)}= {Cur(sort[0].Column)} AND ({List(sort.Select(c => Col(c.Column.Name)))}) {Op(sort[0].Descending)} ({List(sort.Select(c => Cur(c.Column, again: c.Column == sort[0].Column)).ToList())})";
        }

        // Mixed directions have no row-value form: a >= ? AND (a > ? OR (a = ? AND b < ?)), the leading column
        // bounded so the seek starts at the cursor.
        var bound = $"{Col(sort[0].Column.Name)} {Op(sort[0].Descending)}= {Cur(sort[0].Column)}";
        var alternatives = new List<string>();
        for (var i = 0; i < sort.Count; i++)
        {
            var terms = sort.Take(i).Select(p => $"{Col(p.Column.Name)} = {Cur(p.Column, again: true)}").ToList();
            terms.Add($"{Col(sort[i].Column.Name)} {Op(sort[i].Descending)} {Cur(sort[i].Column, again: true)}");
            alternatives.Add(terms.Count > 1 ? "(" + string.Join(" AND ", terms) + ")" : terms[0]);
        }

        return $"{bound} AND ({string.Join(" OR ", alternatives)})";
    }

    /// <summary>
    /// LOWER(column) spelled as the engine indexed it: MySQL matches its functional key part by the same expression;
    /// MariaDB has none, so the query names the indexed virtual column that holds LOWER(column).
    /// </summary>
    private string LowerOf(Column column)
    {
        var helper = MySqlHelperColumns.LowerOf(column.Name);
        if (MySqlHelperColumns.For(Plan.Table, _dialect).Any(h => string.Equals(h.Name, helper, StringComparison.OrdinalIgnoreCase)))
        {
            Notes.Add($"{helper} is the indexed virtual column holding LOWER({column.Name}) (MariaDB has no functional indexes)");
            return "t." + W.Id(helper);
        }

        return $"LOWER({Col(column.Name)})";
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

    protected override QueryStatement Search(string name)
    {
        var columns = Plan.Search;
        var limit = N(Plan.Limit!.Value);
        // MATCH must name exactly the columns of one FULLTEXT index: per searched column the index the engine built
        // for this pattern first, so columns with an index each get their own MATCH.
        var fullText = MySqlIndexDdl.Plan(Plan.Table, _dialect)
            .Where(p => p.Sql is not null && MySqlIndexDdl.FullTextColumns(p.Index, Plan.Table) is { Count: > 0 })
            .OrderByDescending(p => p.Index.Serves.Contains(Serves.AccessPattern(Plan.Pattern.Name), StringComparer.Ordinal))
            .Select(p => (p.Index.Name, Columns: MySqlIndexDdl.FullTextColumns(p.Index, Plan.Table)!))
            .ToList();
        var matches = columns.Select(c => fullText.FirstOrDefault(f => f.Columns.Contains(c.Name, StringComparer.OrdinalIgnoreCase)))
            .Where(f => f.Name is not null).DistinctBy(f => f.Name, StringComparer.Ordinal).ToList();
        if (matches.Count == 0)
        {
            var like = columns.Select(c => $"{Col(c.Name)} LIKE CONCAT('%', {Parameter(c, QueryParameterKind.SearchTerm, "text the column contains")}, '%')").ToList();
            var plain = new List<string> { "SELECT " + Projection(Plan.Projection), From };
            AddWhere(plain, Filters.Append("(" + string.Join(" OR ", like) + ")").ToArray());
            plain.Add("ORDER BY " + W.List(Plan.Table.PrimaryKey.Columns.Select(c => "t." + W.Id(c))));
            plain.Add("LIMIT " + limit);
            Notes.Add("the table has no FULLTEXT index on these columns, so LIKE with a leading wildcard scans; move the search to a search engine when the table grows");
            return Statement(name, "Matches by substring.", plain, AllParameters);
        }

        var mode = Plan.Pattern.Fuzzy ? "IN NATURAL LANGUAGE MODE" : "IN BOOLEAN MODE";
        var meaning = Plan.Pattern.Fuzzy
            ? "free text; natural-language mode ranks rows by word relevance"
            : "a boolean-mode query: words, +required, -excluded, \"phrases\", prefix*";
        var calls = matches.Select(m => $"MATCH ({W.List(m.Columns.Select(c => "t." + W.Id(c)))}) AGAINST (? {mode})").ToList();
        IEnumerable<QueryParameter> Terms(string again) =>
            matches.Select(m => new QueryParameter("?", "VARCHAR(4000)", meaning + again, QueryParameterKind.SearchTerm, m.Columns[0]));

        // The term again in the WHERE, as `?` is positional: the SELECT's MATCH ranks, the WHERE's lets the FULLTEXT index pick the rows.
        var relevance = calls.Count == 1 ? calls[0] : "(" + string.Join(" + ", calls) + ")";
        var lines = new List<string> { "SELECT " + Projection(Plan.Projection) + ", " + relevance + " AS `relevance`", From };
        AddWhere(lines, Filters.Append(calls.Count == 1 ? calls[0] : "(" + string.Join(" OR ", calls) + ")").ToArray());
        lines.Add("ORDER BY `relevance` DESC");
        lines.Add("LIMIT " + limit);
        var parameters = Terms(string.Empty).Concat(FilterParameters).Concat(Terms(" (the same value again)")).ToList();
        var unindexed = columns.Where(c => !matches.Any(m => m.Columns.Contains(c.Name, StringComparer.OrdinalIgnoreCase))).Select(c => c.Name).ToList();
        Notes.Add($"MATCH … AGAINST {mode} reads the FULLTEXT index{(matches.Count > 1 ? "es" : string.Empty)} {string.Join(", ", matches.Select(m => $"{m.Name} ({string.Join(", ", m.Columns)})"))} and ranks the matches, best {limit} first" +
            (unindexed.Count > 0 ? $"; {string.Join(", ", unindexed)} has no FULLTEXT index and is not searched" : string.Empty) +
            (Plan.Pattern.Fuzzy && _dialect.IsMariaDb ? "; MariaDB has no ngram parser, so it matches whole words, not typos: a search engine is needed for typo tolerance" : string.Empty) +
            (Plan.Pattern.Fuzzy && !_dialect.IsMariaDb ? "; the ngram parser matches 2-character fragments, so infixes and near-misses still score" : string.Empty));
        return Statement(name, Plan.Pattern.Fuzzy ? "Best natural-language matches first." : "Best full-text matches first.", lines, parameters);
    }
}
