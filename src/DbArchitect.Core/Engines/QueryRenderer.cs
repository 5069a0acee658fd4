using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using Index = DbArchitect.Core.Model.Index;

namespace DbArchitect.Core.Engines;

/// <summary>
/// Renders one <see cref="QueryPlan"/> as a template in an engine's dialect. The statement skeletons (lookup, range,
/// keyset pages, groups, time buckets) are the same everywhere; an engine supplies the spelling — column references,
/// placeholders, native parameter types, the row limit, aggregate calls, the time bucket, the window arithmetic and
/// its search — and the reason text.
/// </summary>
internal abstract class QueryRenderer
{
    private readonly List<QueryParameter> _parameters = new();

    protected QueryRenderer(QueryPlan plan) => Plan = plan;

    protected QueryPlan Plan { get; }

    /// <summary>What the template's reason adds after its first part, in the order found.</summary>
    protected List<string> Notes { get; } = new();

    /// <summary>The rendered filters, in the plan's order.</summary>
    protected IReadOnlyList<string> Filters { get; private set; } = Array.Empty<string>();

    /// <summary>The parameters the filters take (a first page's or a lookup's whole list).</summary>
    protected IReadOnlyList<QueryParameter> FilterParameters { get; private set; } = Array.Empty<QueryParameter>();

    /// <summary>Every parameter so far, in the order created.</summary>
    protected IReadOnlyList<QueryParameter> AllParameters => _parameters.ToArray();

    /// <summary>The indexes (or key) that serve the pattern; a search may name its own.</summary>
    protected List<string> Serving { get; set; } = new();

    /// <summary>FROM and the table (with the alias the column references use).</summary>
    protected abstract string From { get; }

    /// <summary>Joins the filters after WHERE.</summary>
    protected virtual string AndSeparator => " AND ";

    /// <summary>After an ascending sort key (" ASC" where the dialect's style states it).</summary>
    protected virtual string Ascending => string.Empty;

    /// <summary>True: GROUP BY and ORDER BY by position, and a time bucket's windows share one WINDOW w clause.</summary>
    protected virtual bool GroupsByPosition => false;

    /// <summary>The indexes this engine builds (an index it cannot build serves nothing).</summary>
    protected virtual IEnumerable<Index> BuiltIndexes => Plan.Table.Indexes;

    /// <summary>The template; <paramref name="statementName"/> names its first statement (the next page appends _next).</summary>
    public QueryTemplate Build(string statementName, Func<string, string> claim)
    {
        Serving = Plan.ServingIndexes(BuiltIndexes);
        Filters = Plan.Filters.Select(Filter).ToArray();
        FilterParameters = AllParameters;
        var statements = Plan.Shape switch
        {
            QueryShape.FuzzySearch or QueryShape.FullTextSearch => new[] { Search(claim(statementName)) },
            QueryShape.TimeBuckets => new[] { TimeBuckets(claim(statementName)) },
            QueryShape.Aggregate => new[] { Grouped(claim(statementName)) },
            QueryShape.KeysetPage => Keyset(claim(statementName), claim(statementName + "_next")),
            QueryShape.NearSearch => new[] { Near(claim(statementName)) },
            _ => new[] { Plain(claim(statementName)) },
        };

        return new QueryTemplate(Plan.Pattern.Name, Plan.Table.Name, Plan.Shape, statements.Select(Finish).ToArray(), Serving, Reason());
    }

    // ---- the engine's spelling ------------------------------------------------------------------------------------

    /// <summary>A column reference as the statements write it (qualified by the alias where the engine uses one).</summary>
    protected abstract string Col(string column);

    /// <summary>A result column's alias.</summary>
    protected abstract string Alias(string name);

    /// <summary>The placeholder of the parameter at 1-based <paramref name="position"/>.</summary>
    protected abstract string Placeholder(int position);

    /// <summary>The engine's native type of a parameter compared with <paramref name="column"/>.</summary>
    protected abstract string NativeType(Column column);

    /// <summary>The LIMIT/FETCH line after ORDER BY, or null where the limit goes into the SELECT (<see cref="Top"/>).</summary>
    protected abstract string? LimitClause(int limit);

    /// <summary>What follows SELECT before the columns when the dialect limits rows there (TOP (n) ).</summary>
    protected virtual string Top(int? limit) => string.Empty;

    /// <summary>The aggregate call, e.g. count(*) or SUM(t.amount).</summary>
    protected abstract string AggregateCall(PlannedAggregate aggregate);

    /// <summary>The start of the bucket holding the value of <paramref name="column"/> (a column reference).</summary>
    protected abstract string BucketStart(TimeBucket bucket, string column);

    /// <summary>The running total's expression (no alias); <paramref name="window"/> is "PARTITION BY … ORDER BY bucket".</summary>
    protected abstract string RunningTotal(PlannedAggregate aggregate, string call, string window);

    /// <summary>The moving average over the last <see cref="QueryPlan.MovingAverageBuckets"/> buckets (no alias).</summary>
    protected abstract string MovingAverage(string call, string window);

    /// <summary>What the time-bucket note says after "one row per unit".</summary>
    protected abstract string TimeBucketNote(PlannedBucket bucket, string label);

    /// <summary>The search statement (full-text or fuzzy) in the engine's own search feature.</summary>
    protected abstract QueryStatement Search(string name);

    /// <summary>The template's reason: the serving index and why, then <see cref="Notes"/>.</summary>
    protected abstract string Reason();

    /// <summary>What the keyset note adds about the limit (or null).</summary>
    protected abstract string? KeysetNote(int limit);

    /// <summary>The statement as the application runs it; an engine may move it into a server-side function it calls.</summary>
    protected virtual QueryStatement Finish(QueryStatement statement) => statement;

    /// <summary>One filter in the dialect; engines override the kinds they spell differently.</summary>
    protected virtual string Filter(PlannedFilter filter)
    {
        var column = Col(filter.Column.Name);
        return filter.Kind switch
        {
            PlannedFilterKind.Tenant => $"{column} = {Parameter(filter.Column, QueryParameterKind.Tenant, filter.Meaning!)}",
            PlannedFilterKind.RangeStart => $"{column} >= {Parameter(filter.Column, QueryParameterKind.RangeStart, filter.Meaning!)}",
            PlannedFilterKind.RangeEnd => $"{column} < {Parameter(filter.Column, QueryParameterKind.RangeEnd, filter.Meaning!)}",
            PlannedFilterKind.NotDeleted => $"{column} IS NULL",
            PlannedFilterKind.BoxStart => $"{column} >= {Parameter(filter.Column, QueryParameterKind.BoxEdge, filter.Meaning!)}",
            PlannedFilterKind.BoxEnd => $"{column} <= {Parameter(filter.Column, QueryParameterKind.BoxEdge, filter.Meaning!)}",
            PlannedFilterKind.EmailEquals => $"lower({column}) = lower({Parameter(filter.Column, QueryParameterKind.Equals, filter.Meaning!)})",
            _ => $"{column} = {Parameter(filter.Column, QueryParameterKind.Equals, filter.Column.Name)}",
        };
    }

    /// <summary>
    /// The next page's cursor predicate. By default the expanded form every dialect runs — a &gt;= x AND (a &gt; x OR
    /// (a = x AND b &gt; y)): the leading column bounded so the index seeks to the cursor; with
    /// <paramref name="rowValues"/> and one direction, the row-value comparison (a, b) &gt; (x, y), one index condition.
    /// </summary>
    protected virtual string Cursor(IReadOnlyList<PlannedSort> sort, bool rowValues)
    {
        var cursor = sort.Select(s => (s.Column, s.Descending, Placeholder: Parameter(s.Column, QueryParameterKind.Cursor, $"{s.Column.Name} of the last row of the previous page"))).ToList();
        static string Op(bool descending) => descending ? "<" : ">";
        if (rowValues && cursor.All(c => c.Descending == cursor[0].Descending))
        {
            return cursor.Count == 1
                ? $"{Col(cursor[0].Column.Name)} {Op(cursor[0].Descending)} {cursor[0].Placeholder}"
                : $"({List(cursor.Select(c => Col(c.Column.Name)))}) {Op(cursor[0].Descending)} ({List(cursor.Select(c => c.Placeholder))})";
        }

        var alternatives = cursor.Select((c, i) => string.Join(" AND ",
            cursor.Take(i).Select(p => $"{Col(p.Column.Name)} = {p.Placeholder}").Append($"{Col(c.Column.Name)} {Op(c.Descending)} {c.Placeholder}"))).ToList();
        var lead = cursor[0];
        return cursor.Count == 1
            ? alternatives[0]
            : $"{Col(lead.Column.Name)} {Op(lead.Descending)}= {lead.Placeholder} AND ({string.Join(" OR ", alternatives.Select(a => a.Contains(" AND ", StringComparison.Ordinal) ? "(" + a + ")" : a))})";
    }

    /// <summary>True where the dialect compares row values, so a one-direction cursor is one condition.</summary>
    protected virtual bool RowValues => false;

    // ---- the shared skeletons --------------------------------------------------------------------------------------

    protected virtual QueryStatement Plain(string name)
    {
        var lines = SelectLines(Plan.Pattern.Limit, Plan.Order.Count > 0 ? OrderBy(Plan.Order) : null);
        return Statement(name, Plan.Pattern.Range is null ? "Rows matching the pattern's keys." : "Rows in the range, in index order.", lines, FilterParameters);
    }

    /// <summary>
    /// A near search: the box bounds the index scan, and the rows in it are ranked by the equirectangular distance
    /// (Δlatitude² + (Δlongitude × cos latitude)²) — plain arithmetic every dialect runs, exact enough to rank within a
    /// few hundred kilometres. Each placeholder is written once (positional ones cannot repeat), so the point's
    /// coordinates and the scale are passed twice.
    /// </summary>
    protected virtual QueryStatement Near(string name)
    {
        var near = Plan.Near!;
        var limit = Plan.Limit!.Value;
        string Delta(Column column) => $"({Col(column.Name)} - {Parameter(column, QueryParameterKind.Point, $"the searched point's {column.Name}")})";
        string Scale() => Parameter(near.Latitude, QueryParameterKind.LongitudeScale, "cos(the searched point's latitude)");
        var distance = $"{Delta(near.Latitude)} * {Delta(near.Latitude)} + {Delta(near.Longitude)} * {Scale()} * {Delta(near.Longitude)} * {Scale()}";
        var lines = SelectLines(limit, "ORDER BY " + distance);
        Notes.Add($"the box's edges are the point ± the radius in degrees (km ÷ 111.32 for {near.Latitude.Name}, km ÷ (111.32 × cos latitude) for "
            + $"{near.Longitude.Name}); the index seeks {near.Latitude.Name} and filters {near.Longitude.Name}, and the rows in the box are ranked by "
            + $"distance, nearest {N(limit)} first");
        return Statement(name, "Rows inside the box around the point, nearest first.", lines, AllParameters);
    }

    /// <summary>SELECT (with the dialect's TOP) … FROM … WHERE the filters, then the order and the dialect's LIMIT when given.</summary>
    private List<string> SelectLines(int? limit, string? orderBy)
    {
        var lines = new List<string> { "SELECT " + Top(limit) + Projection(Plan.Projection), From };
        AddWhere(lines, Filters);
        if (orderBy is not null)
        {
            lines.Add(orderBy);
        }

        if (limit is { } rows && LimitClause(rows) is { } clause)
        {
            lines.Add(clause);
        }

        return lines;
    }

    protected virtual QueryStatement[] Keyset(string firstName, string nextName)
    {
        var limit = Plan.Pattern.Limit!.Value;
        if (Plan.TieBreaker.Count > 0)
        {
            Notes.Add($"{string.Join(", ", Plan.TieBreaker)} (the primary key) breaks ties in the sort, so the cursor never skips or repeats rows");
        }

        var select = "SELECT " + Top(limit) + Projection(Plan.ProjectionWithOrder);
        var orderBy = OrderBy(Plan.Order);
        var limitClause = LimitClause(limit);
        var first = new List<string> { select, From };
        AddWhere(first, Filters);
        first.Add(orderBy);
        var next = new List<string> { select, From };
        AddWhere(next, Filters.Append(Cursor(Plan.Order, RowValues)).ToArray());
        next.Add(orderBy);
        if (limitClause is not null)
        {
            first.Add(limitClause);
            next.Add(limitClause);
        }

        if (KeysetNote(limit) is { } note)
        {
            Notes.Add(note);
        }

        return new[]
        {
            Statement(firstName, "First page.", first, FilterParameters),
            Statement(nextName, "Next page: pass the sort values of the previous page's last row (keyset pagination, never OFFSET).", next, AllParameters),
        };
    }

    protected virtual QueryStatement Grouped(string name)
    {
        var aggregate = Plan.Aggregate!;
        var keys = Plan.Groups.Select(c => Col(c.Name)).ToList();
        var lines = new List<string> { "SELECT " + List(keys.Append($"{AggregateCall(aggregate)} AS {Alias(aggregate.Label)}")), From };
        AddWhere(lines, Filters);
        if (keys.Count > 0)
        {
            var groups = GroupsByPosition ? Enumerable.Range(1, keys.Count).Select(N).ToList() : keys;
            lines.Add("GROUP BY " + List(groups));
            lines.Add("ORDER BY " + List(groups));
        }

        return Statement(name, $"{aggregate.Spec} per group.", lines, FilterParameters);
    }

    protected virtual QueryStatement TimeBuckets(string name)
    {
        var aggregate = Plan.Aggregate!;
        var bucket = Plan.Bucket!;
        var start = BucketStart(bucket.Bucket, Col(bucket.Column.Name));
        var others = Plan.Groups.Select(c => Col(c.Name)).ToList();
        var call = AggregateCall(aggregate);
        var label = aggregate.Label;
        var window = (others.Count > 0 ? "PARTITION BY " + List(others) + " " : string.Empty) + "ORDER BY " + start;
        var select = new List<string> { $"{start} AS {Alias(bucket.Unit)}" };
        select.AddRange(others);
        select.Add($"{call} AS {Alias(label)}");
        select.Add($"{RunningTotal(aggregate, call, window)} AS {Alias("running_" + label)}");
        select.Add($"{MovingAverage(call, window)} AS {Alias($"moving_avg_{QueryPlan.MovingAverageBuckets}")}");
        var lines = new List<string> { "SELECT " + List(select), From };
        AddWhere(lines, Filters);
        if (GroupsByPosition)
        {
            var positions = Enumerable.Range(1, 1 + others.Count).Select(N).ToList();
            lines.Add("GROUP BY " + List(positions));
            lines.Add("WINDOW w AS (" + window + ")");
            lines.Add("ORDER BY " + List(positions.Skip(1).Append("1")));
        }
        else
        {
            lines.Add("GROUP BY " + List(others.Prepend(start)));
            lines.Add("ORDER BY " + List(others.Append(start)));
        }

        Notes.Add($"one row per {bucket.Unit}{TimeBucketNote(bucket, label)}");
        return Statement(name, $"{aggregate.Spec} per {bucket.Unit} over a {bucket.Column.Name} range.", lines, FilterParameters);
    }

    // ---- pieces ----------------------------------------------------------------------------------------------------

    protected string Projection(IEnumerable<string> columns) => List(columns.Select(Col));

    protected string OrderBy(IEnumerable<PlannedSort> sort) =>
        "ORDER BY " + List(sort.Select(s => Col(s.Column.Name) + (s.Descending ? " DESC" : Ascending)));

    protected void AddWhere(List<string> lines, IReadOnlyList<string> predicates)
    {
        if (predicates.Count > 0)
        {
            lines.Add("WHERE " + string.Join(AndSeparator, predicates));
        }
    }

    protected string Parameter(Column column, QueryParameterKind kind, string meaning) =>
        Parameter(NativeType(column), kind, column.Name, meaning);

    protected string Parameter(string nativeType, QueryParameterKind kind, string column, string meaning)
    {
        var placeholder = Placeholder(_parameters.Count + 1);
        _parameters.Add(new QueryParameter(placeholder, nativeType, meaning, kind, column));
        return placeholder;
    }

    protected static QueryStatement Statement(string name, string purpose, List<string> lines, IReadOnlyList<QueryParameter> parameters) =>
        new(name, purpose, string.Join("\n", lines), parameters);

    protected static string List(IEnumerable<string> items) => string.Join(", ", items);

    protected static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
