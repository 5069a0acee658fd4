using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using Index = DbArchitect.Core.Model.Index;
using W = DbArchitect.Core.Engines.Sqlite.SqliteWriter;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// Renders a <see cref="QueryPlan"/> in SQLite's dialect, shaped for the index the design built: the same columns and
/// expressions (lower()), the partial index's predicate, keyset pages with row values (3.15+), time buckets with
/// strftime and window functions (3.25+), and FTS5 MATCH ranked by bm25 for search. Parameters are numbered (?1).
/// </summary>
internal sealed class SqliteQueryBuilder : QueryRenderer
{
    private const string TableAlias = "t";

    private readonly SchemaModel _model;

    public SqliteQueryBuilder(QueryPlan plan, SchemaModel model)
        : base(plan) => _model = model;

    protected override string From => $"FROM {W.Id(Plan.Table.Name)} AS {TableAlias}";

    protected override bool GroupsByPosition => true;

    protected override bool RowValues => true;

    /// <summary>Only indexes SQLite builds: a GIN index on JSON or an array has no SQLite form, so it serves nothing here.</summary>
    protected override IEnumerable<Index> BuiltIndexes => Plan.Table.Indexes.Where(SqliteIndexDdl.IsBTree);

    protected override string Col(string column) => W.Of(TableAlias, column);

    protected override string Alias(string name) => W.Id(name);

    protected override string Placeholder(int position) => "?" + N(position);

    protected override string NativeType(Column column) => SqliteExpressions.NativeType(column);

    protected override string? LimitClause(int limit) => "LIMIT " + N(limit);

    protected override string AggregateCall(PlannedAggregate aggregate) => $"{aggregate.Function.ToString().ToLowerInvariant()}({Argument(aggregate)})";

    protected override string BucketStart(TimeBucket bucket, string column) => bucket switch
    {
        TimeBucket.Hour => $"strftime('%Y-%m-%dT%H:00:00Z', {column})",
        TimeBucket.Day => $"date({column})",
        TimeBucket.Week => $"date({column}, '-6 days', 'weekday 1')",
        TimeBucket.Month => $"strftime('%Y-%m-01', {column})",
        _ => $"strftime('%Y-01-01', {column})",
    };

    // total() sums to a float, so the running average divides without integer truncation.
    protected override string RunningTotal(PlannedAggregate aggregate, string call, string window) => aggregate.Function switch
    {
        AggregateFunction.Count or AggregateFunction.Sum => $"sum({call}) OVER w",
        AggregateFunction.Avg => $"sum(total({Argument(aggregate)})) OVER w / nullif(sum(count({Argument(aggregate)})) OVER w, 0)",
        AggregateFunction.Min => $"min({call}) OVER w",
        _ => $"max({call}) OVER w",
    };

    protected override string MovingAverage(string call, string window) =>
        $"avg({call}) OVER (w ROWS BETWEEN {N(QueryPlan.MovingAverageBuckets - 1)} PRECEDING AND CURRENT ROW)";

    protected override string TimeBucketNote(PlannedBucket bucket, string label) =>
        $" (UTC, from the ISO-8601 text) with {label}, its running total and the average of the last {QueryPlan.MovingAverageBuckets} {bucket.Unit}s by window functions (3.25+)";

    protected override string? KeysetNote(int limit) => null;

    protected override string Filter(PlannedFilter filter)
    {
        var column = filter.Column;
        switch (filter.Kind)
        {
            case PlannedFilterKind.Tenant:
                return $"{Col(column.Name)} = {Parameter(column, QueryParameterKind.Tenant, filter.Meaning + "; SQLite has no row-level security, so every query states it")}";
            case PlannedFilterKind.JsonContains:
                var p = Parameter("TEXT", QueryParameterKind.Contains, column.Name, $"a JSON object whose top-level members {column.Name} must have, e.g. {{\"key\": \"value\"}}");
                Notes.Add($"SQLite has no JSON containment operator or index: the {column.Name} match compares each wanted member with json_extract row by row");
                return $"NOT EXISTS (SELECT 1 FROM json_each({p}) AS wanted WHERE json_extract({Col(column.Name)}, '$.\"' || wanted.key || '\"') IS NOT wanted.value)";
            default:
                return base.Filter(filter);
        }
    }

    protected override string Reason()
    {
        var reason = Serving.Count == 0
            ? "No index serves this pattern: SQLite scans the table"
            : $"Uses {string.Join(" and ", Serving)}; the predicates repeat the index's columns, expressions and partial predicate so the planner picks it (check with EXPLAIN QUERY PLAN)";
        if (Notes.Count > 0)
        {
            reason += "; " + string.Join("; ", Notes);
        }

        return reason + ".";
    }

    protected override QueryStatement Search(string name)
    {
        var columns = Plan.Search.Select(c => c.Name).ToList();
        var search = SqliteSearchDdl.For(_model).FirstOrDefault(s => s.Table.Name == Plan.Table.Name && s.Trigram == Plan.Pattern.Fuzzy && columns.All(c => s.Columns.Contains(c, StringComparer.Ordinal)))
            ?? throw new KeyNotFoundException($"no FTS5 search table covers {string.Join(", ", columns)} of {Plan.Table.Name}.");
        Serving = new List<string> { search.Name };
        var fts = W.Id(search.Name);
        var limit = Plan.Limit!.Value;
        string match;
        if (Plan.Pattern.Fuzzy)
        {
            // A phrase of the raw term: the trigram tokenizer then matches it as a substring anywhere in the columns.
            var term = Parameter("TEXT", QueryParameterKind.SearchTerm, columns[0], "the text to find (at least 3 characters; matched as a substring in any letter case)");
            match = $"'\"' || replace({term}, '\"', '\"\"') || '\"'";
            Notes.Add($"the trigram FTS5 table finds rows containing the term as a substring (3+ characters); this is substring search, not typo tolerance: misspellings need the spellfix1 extension or application-side suggestions; bm25 ranks, best {N(limit)} first");
        }
        else
        {
            match = Parameter("TEXT", QueryParameterKind.SearchTerm, columns[0], "the FTS5 query: words, \"phrases\", NOT, OR, prefix*");
            Notes.Add($"FTS5 MATCH uses the full-text table's index; bm25() ranks (lower is better), best {N(limit)} first");
        }

        if (columns.Count < search.Columns.Count)
        {
            Notes.Add($"the search table also indexes {string.Join(", ", search.Columns.Except(columns, StringComparer.Ordinal))}, so a match there counts too");
        }

        var lines = new List<string>
        {
            "SELECT " + Projection(Plan.Projection) + ", bm25(" + fts + ") AS rank",
            $"FROM {fts}",
            $"JOIN {W.Id(Plan.Table.Name)} AS {TableAlias} ON {TableAlias}.rowid = {fts}.rowid",
        };
        AddWhere(lines, Filters.Prepend($"{fts} MATCH {match}").ToList());
        lines.Add("ORDER BY rank");
        lines.Add("LIMIT " + N(limit));
        return Statement(name, Plan.Pattern.Fuzzy ? "Rows containing the term, best first." : "Best full-text matches first.", lines, AllParameters);
    }

    private string Argument(PlannedAggregate aggregate) => aggregate.Column is null ? "*" : Col(aggregate.Column.Name);
}
