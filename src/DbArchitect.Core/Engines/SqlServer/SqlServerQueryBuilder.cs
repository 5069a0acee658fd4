using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.SqlServer.SqlServerWriter;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// Renders a <see cref="QueryPlan"/> in T-SQL, so the index the design built serves it: TOP (n) with an ORDER BY the
/// index delivers, keyset pages continuing from the cursor (never OFFSET), DATETRUNC time buckets with window
/// functions, CONTAINSTABLE/FREETEXTTABLE for search, and the filtered index's predicate repeated.
/// </summary>
internal sealed class SqlServerQueryBuilder : QueryRenderer
{
    private readonly string _schema;

    public SqlServerQueryBuilder(QueryPlan plan, string schema)
        : base(plan) => _schema = schema;

    protected override string From => "FROM " + W.Qualified(_schema, Plan.Table.Name) + " AS t";

    protected override string AndSeparator => "\n  AND ";

    protected override string Ascending => " ASC";

    protected override string Col(string column) => "t." + W.Id(column);

    protected override string Alias(string name) => W.Id(name);

    protected override string Placeholder(int position) => "@p" + N(position);

    protected override string NativeType(Column column) => SqlServerExpressions.NativeType(column);

    protected override string? LimitClause(int limit) => null;

    protected override string Top(int? limit) => limit is { } rows ? $"TOP ({N(rows)}) " : string.Empty;

    protected override string AggregateCall(PlannedAggregate aggregate)
    {
        var argument = aggregate.Column is null ? "*" : Col(aggregate.Column.Name);
        return aggregate.Function == AggregateFunction.Count ? $"COUNT_BIG({argument})" : $"{aggregate.Function.ToString().ToUpperInvariant()}({argument})";
    }

    protected override string BucketStart(TimeBucket bucket, string column) => $"DATETRUNC({bucket.ToString().ToLowerInvariant()}, {column})";

    protected override string RunningTotal(PlannedAggregate aggregate, string call, string window) => $"SUM(CONVERT(FLOAT, {call})) OVER ({window} ROWS UNBOUNDED PRECEDING)";

    protected override string MovingAverage(string call, string window) =>
        $"AVG(CONVERT(FLOAT, {call})) OVER ({window} ROWS BETWEEN {N(QueryPlan.MovingAverageBuckets - 1)} PRECEDING AND CURRENT ROW)";

    protected override string TimeBucketNote(PlannedBucket bucket, string label) =>
        $" (DATETRUNC, SQL Server 2022) with {label}, its running total and the average of the last {QueryPlan.MovingAverageBuckets} {bucket.Unit}s by window functions";

    // T-SQL has no row-value comparison: the default expanded cursor, (a < @a OR (a = @a AND id < @id)) with the
    // leading column bounded so the seek starts at the cursor.
    protected override string? KeysetNote(int limit) =>
        $"TOP ({N(limit)}) with the index's order stops the scan after one page; the next page seeks to the cursor, so page 1,000 costs what page 1 costs (OFFSET would read and discard every earlier row)";

    protected override string Filter(PlannedFilter filter)
    {
        var column = filter.Column;
        switch (filter.Kind)
        {
            case PlannedFilterKind.JsonContains or PlannedFilterKind.ArrayContains:
                var path = Parameter("NVARCHAR(4000)", QueryParameterKind.Contains, column.Name, $"a JSON path in {column.Name}, e.g. '$.key'");
                var value = Parameter("NVARCHAR(4000)", QueryParameterKind.Equals, column.Name, "the value at that path");
                return $"JSON_VALUE({Col(column.Name)}, {path}) = {value}";
            case PlannedFilterKind.EmailEquals:
                // The database's case-insensitive collation compares addresses in any letter case already.
                return $"{Col(column.Name)} = {Parameter(column, QueryParameterKind.Equals, column.Name)}";
            default:
                // The security policy filters by SESSION_CONTEXT as well; stating the tenant lets the index seek on it.
                return base.Filter(filter);
        }
    }

    protected override string Reason()
    {
        var table = Plan.Table;
        var reason = Serving.Count == 0
            ? "No index was built for this pattern: it is answered from the clustered primary key or a scan"
            : "Uses " + string.Join(" and ", Serving.Select(n => table.Indexes.FirstOrDefault(i => i.Name == n) is { } i
                ? $"{i.Name} ({string.Join(", ", i.Keys)}){(i.Include.Count > 0 ? " INCLUDE (" + string.Join(", ", i.Include) + ")" : string.Empty)}{(i.Predicate is { } p ? " WHERE " + p : string.Empty)}"
                : n == table.PrimaryKey.Name ? $"{n} (the clustered primary key, leading with the pattern's columns)" : $"{n} (a unique constraint's index, leading with the pattern's columns)"));
        if (table.Indexes.Any(i => Serving.Contains(i.Name) && i.Predicate is not null))
        {
            Notes.Add("the query repeats the filtered index's predicate, so the optimizer can use the filtered index");
        }

        return string.Join("; ", new[] { reason }.Concat(Notes)) + ".";
    }

    protected override QueryStatement Search(string name)
    {
        var columns = Plan.Search;
        var limit = N(Plan.Limit!.Value);
        var target = SqlServerFullText.Targets(new SchemaModel(string.Empty, _schema, new[] { Plan.Table }, Array.Empty<string>())).FirstOrDefault();
        var indexed = columns.Where(c => target.Columns?.Contains(c.Name, StringComparer.OrdinalIgnoreCase) == true).ToList();
        var term = Parameter("NVARCHAR(4000)", QueryParameterKind.SearchTerm, columns[0].Name,
            Plan.Pattern.Fuzzy ? "free text; FREETEXT matches inflected forms and thesaurus terms" : "a CONTAINS condition: words, \"phrases\", \"prefix*\", AND / OR / NOT");
        if (indexed.Count == 0)
        {
            var like = columns.Select(c => $"t.{W.Id(c.Name)} LIKE N'%' + {term} + N'%'").ToList();
            var plain = new List<string> { $"SELECT TOP ({limit}) " + Projection(Plan.Projection), From };
            AddWhere(plain, Filters.Append("(" + string.Join(" OR ", like) + ")").ToArray());
            plain.Add("ORDER BY " + W.List(Plan.Table.PrimaryKey.Columns.Select(c => "t." + W.Id(c))));
            Notes.Add("the table has no full-text index (its key is not a single column), so LIKE with a leading wildcard scans; move the search to the search engine when the table grows");
            return Statement(name, "Matches by substring.", plain, AllParameters);
        }

        var function = Plan.Pattern.Fuzzy ? "FREETEXTTABLE" : "CONTAINSTABLE";
        var key = Plan.Table.PrimaryKey.Columns[0];
        var lines = new List<string>
        {
            $"SELECT TOP ({limit}) " + Projection(Plan.Projection) + ", ft.[RANK] AS [rank]",
            From,
            $"INNER JOIN {function}({W.Qualified(_schema, Plan.Table.Name)}, ({W.IdList(indexed.Select(c => c.Name))}), {term}) AS ft ON ft.[KEY] = t.{W.Id(key)}",
        };
        AddWhere(lines, Filters);
        lines.Add("ORDER BY ft.[RANK] DESC");
        Notes.Add($"{function} reads the FULLTEXT INDEX on {string.Join(", ", indexed.Select(c => c.Name))} and ranks the matches, best {limit} first" +
            (Plan.Pattern.Fuzzy ? "; FREETEXT finds inflections and synonyms, not typos: a search engine or trigram table is needed for typo tolerance" : string.Empty));
        return Statement(name, Plan.Pattern.Fuzzy ? "Best free-text matches first." : "Best full-text matches first.", lines, AllParameters);
    }
}
