using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.Oracle.OracleWriter;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>
/// Renders a <see cref="QueryPlan"/> in Oracle SQL, so the pattern's index serves it: bind variables (:p1), FETCH
/// FIRST n ROWS ONLY (12c+), keyset cursors expanded into OR/AND because Oracle has no row-value comparison, GROUP BY
/// repeating expressions (positions are 23ai only), window functions spelled inline (the WINDOW clause is 21c+),
/// LOWER(col) matching the function-based index, and CONTAINS/SCORE for Oracle Text.
/// </summary>
internal sealed class OracleQueryBuilder : QueryRenderer
{
    private readonly string _schema;
    private readonly OracleTypes _types;

    public OracleQueryBuilder(QueryPlan plan, string schema, OracleTypes types)
        : base(plan)
    {
        _schema = schema;
        _types = types;
    }

    protected override string From => "FROM " + W.Qualified(_schema, Plan.Table.Name);

    protected override string Col(string column) => W.Id(column);

    protected override string Alias(string name) => W.Id(name);

    protected override string Placeholder(int position) => ":p" + N(position);

    protected override string NativeType(Column column) => OracleExpressions.NativeType(column, _types);

    protected override string? LimitClause(int limit) => $"FETCH FIRST {N(limit)} ROWS ONLY";

    protected override string AggregateCall(PlannedAggregate aggregate) => $"{aggregate.Function.ToString().ToUpperInvariant()}({Argument(aggregate)})";

    protected override string BucketStart(TimeBucket bucket, string column)
    {
        var format = bucket switch
        {
            TimeBucket.Hour => "HH24",
            TimeBucket.Day => "DD",
            TimeBucket.Week => "IW",
            TimeBucket.Month => "MM",
            _ => "YYYY",
        };
        return $"TRUNC({column}, '{format}')";
    }

    protected override string RunningTotal(PlannedAggregate aggregate, string call, string window) => aggregate.Function switch
    {
        AggregateFunction.Count or AggregateFunction.Sum => $"SUM({call}) OVER ({window})",
        AggregateFunction.Avg => $"SUM(SUM({Argument(aggregate)})) OVER ({window}) / NULLIF(SUM(COUNT({Argument(aggregate)})) OVER ({window}), 0)",
        AggregateFunction.Min => $"MIN({call}) OVER ({window})",
        _ => $"MAX({call}) OVER ({window})",
    };

    protected override string MovingAverage(string call, string window) =>
        $"AVG({call}) OVER ({window} ROWS BETWEEN {N(QueryPlan.MovingAverageBuckets - 1)} PRECEDING AND CURRENT ROW)";

    protected override string TimeBucketNote(PlannedBucket bucket, string label) =>
        $" with {label}, its running total and the average of the last {QueryPlan.MovingAverageBuckets} {bucket.Unit}s by window functions; TRUNC works on the session time zone's wall clock";

    // Oracle has no (a, b) > (x, y): the default expanded cursor, the leading column bounded so the index range scan
    // starts at the cursor.
    protected override string? KeysetNote(int limit) =>
        $"FETCH FIRST {N(limit)} ROWS ONLY stops the index scan early; the next page starts at the cursor (keyset, never OFFSET), so page 1,000 costs what page 1 costs";

    protected override string Filter(PlannedFilter filter)
    {
        var column = filter.Column;
        return filter.Kind switch
        {
            PlannedFilterKind.JsonContains or PlannedFilterKind.ArrayContains =>
                $"JSON_TEXTCONTAINS({W.Id(column.Name)}, '$', {Parameter("VARCHAR2", QueryParameterKind.Contains, column.Name, $"words {column.Name} must contain (JSON search index)")})",
            PlannedFilterKind.EmailEquals => $"LOWER({W.Id(column.Name)}) = LOWER({Parameter(column, QueryParameterKind.Equals, filter.Meaning!)})",

            // VPD appends the tenant predicate; written here too, the index's leading column seeks for every user.
            _ => base.Filter(filter),
        };
    }

    protected override string Reason()
    {
        var parts = new List<string>
        {
            Serving.Count == 0 ? "No index serves this pattern: it reads the whole table"
                : "Uses " + string.Join(" and ", Serving) + (Plan.Shape is QueryShape.FuzzySearch or QueryShape.FullTextSearch ? string.Empty : "; the predicates on its leading columns seek"),
        };
        parts.AddRange(Notes);
        return string.Join("; ", parts) + ".";
    }

    protected override QueryStatement Search(string name)
    {
        var columns = Plan.Search;
        var limit = N(Plan.Limit!.Value);
        var term = Parameter("VARCHAR2", QueryParameterKind.SearchTerm, columns[0].Name,
            Plan.Pattern.Fuzzy ? "the search term (typos allowed)" : "the search words (Oracle Text query: words, AND, OR, NOT, \"phrases\")");
        // Full-text: one CONTEXT index over all search columns (MULTI_COLUMN_DATASTORE) answers CONTAINS on its first
        // column. Fuzzy: each column has its own CONTEXT index, so one CONTAINS per column, each with its own score label.
        var query = Plan.Pattern.Fuzzy ? $"'FUZZY({{' || {term} || '}}, 60, 100, WEIGHT)'" : term;
        var searched = Plan.Pattern.Fuzzy ? columns : columns.Take(1).ToArray();
        var matches = searched.Select((c, i) => $"CONTAINS({W.Id(c.Name)}, {query}, {N(i + 1)}) > 0").ToList();
        var score = searched.Count == 1 ? "SCORE(1)" : $"GREATEST({W.List(searched.Select((_, i) => $"SCORE({N(i + 1)})"))})";
        var lines = new List<string> { "SELECT " + W.List(Plan.Projection.Select(W.Id).Append($"{score} AS score")), From };
        AddWhere(lines, Filters.Append(matches.Count == 1 ? matches[0] : "(" + string.Join(" OR ", matches) + ")").ToArray());
        lines.Add($"ORDER BY {score} DESC");
        lines.Add($"FETCH FIRST {limit} ROWS ONLY");
        Notes.Add(Plan.Pattern.Fuzzy
            ? $"CONTAINS with FUZZY (the term in braces, so its characters are not operators) finds spellings within 60% similarity through the Oracle Text index; SCORE(1) ranks them, best {limit} first"
            : $"CONTAINS searches the Oracle Text index; SCORE(1) ranks the matches, best {limit} first");
        return Statement(name, Plan.Pattern.Fuzzy ? "Best fuzzy matches first." : "Best full-text matches first.", lines, AllParameters);
    }

    private static string Argument(PlannedAggregate aggregate) => aggregate.Column is null ? "*" : W.Id(aggregate.Column.Name);
}
