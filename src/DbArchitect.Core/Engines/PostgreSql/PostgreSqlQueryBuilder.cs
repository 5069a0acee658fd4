using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using Index = DbArchitect.Core.Model.Index;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// Renders a <see cref="QueryPlan"/> in PostgreSQL's dialect, so the index the design built for that pattern serves
/// it: the same columns in the same order, the same expressions (lower(), the full-text document), the index's
/// partial predicate, an ORDER BY the index delivers, row-value keyset cursors, date_trunc buckets with a named
/// window, pg_trgm similarity and websearch_to_tsquery for search. Parameters are numbered ($1).
/// </summary>
internal sealed class PostgreSqlQueryBuilder : QueryRenderer
{
    private readonly string _schema;

    public PostgreSqlQueryBuilder(QueryPlan plan, string schema)
        : base(plan) => _schema = schema;

    protected override string From => "FROM " + W.Qualified(_schema, Plan.Table.Name);

    protected override bool GroupsByPosition => true;

    protected override bool RowValues => true;

    protected override string Col(string column) => W.Id(column);

    protected override string Alias(string name) => W.Id(name);

    protected override string Placeholder(int position) => "$" + N(position);

    protected override string NativeType(Column column) => PostgreSqlExpressions.NativeType(column);

    protected override string? LimitClause(int limit) => "LIMIT " + N(limit);

    protected override string AggregateCall(PlannedAggregate aggregate) => $"{aggregate.Function.ToString().ToLowerInvariant()}({Argument(aggregate)})";

    protected override string BucketStart(TimeBucket bucket, string column) => $"date_trunc({W.String(bucket.ToString().ToLowerInvariant())}, {column})";

    protected override string RunningTotal(PlannedAggregate aggregate, string call, string window) => aggregate.Function switch
    {
        AggregateFunction.Count or AggregateFunction.Sum => $"sum({call}) OVER w",
        AggregateFunction.Avg => $"sum(sum({Argument(aggregate)})) OVER w / nullif(sum(count({Argument(aggregate)})) OVER w, 0)",
        AggregateFunction.Min => $"min({call}) OVER w",
        _ => $"max({call}) OVER w",
    };

    protected override string MovingAverage(string call, string window) =>
        $"avg({call}) OVER (w ROWS BETWEEN {N(QueryPlan.MovingAverageBuckets - 1)} PRECEDING AND CURRENT ROW)";

    protected override string TimeBucketNote(PlannedBucket bucket, string label) =>
        $" with {label}, its running total and the average of the last {QueryPlan.MovingAverageBuckets} {bucket.Unit}s by window functions; {bucket.Unit}s follow the session's TimeZone";

    protected override string? KeysetNote(int limit)
    {
        var nullable = Plan.Order.Where(s => s.Column.Nullable).ToList();
        return nullable.Count == 0 ? null
            : $"{string.Join(", ", nullable.Select(s => s.Column.Name))} may be NULL: those rows sort {(nullable[0].Descending ? "first" : "last")} and a NULL cursor matches nothing, so page them separately (… IS NULL ordered by the key)";
    }

    /// <summary>True when the statements run in a tenant query function (see <see cref="PostgreSqlTenantFunctions"/>).</summary>
    private bool InFunction => PostgreSqlTenantFunctions.Needed(Plan);

    // The tenant predicate is written although row-level security adds it: RLS applies only to roles that do not
    // bypass it (not the owner, not a superuser), and written here the index's leading column seeks for every role.
    // In a tenant query function the tenant comes from the setting the isolation policy reads, never from a caller.
    protected override string Filter(PlannedFilter filter) => filter.Kind switch
    {
        PlannedFilterKind.JsonContains => $"{W.Id(filter.Column.Name)} @> {W.Cast(Parameter("jsonb", QueryParameterKind.Contains, filter.Column.Name, filter.Meaning!), "jsonb")}",
        PlannedFilterKind.Tenant when InFunction => $"{W.Id(filter.Column.Name)} = {PostgreSqlSecurityDdl.TenantSettingValue(filter.Column)}",
        _ => base.Filter(filter),
    };

    /// <summary>In a tenant query function: the statement becomes the function's body, and the application calls it.</summary>
    protected override QueryStatement Finish(QueryStatement statement)
    {
        if (!InFunction)
        {
            return statement;
        }

        var projected = Plan.Shape == QueryShape.KeysetPage ? Plan.ProjectionWithOrder : Plan.Projection;
        var returns = projected.Select(c => new QueryRoutineColumn(c, PostgreSqlExpressions.NativeType(Plan.Table.FindColumn(c)!))).ToList();
        if (Plan.Shape is QueryShape.FuzzySearch or QueryShape.FullTextSearch)
        {
            returns.Add(new QueryRoutineColumn(Plan.Shape == QueryShape.FuzzySearch ? "similarity" : "rank", "real"));
        }

        var routine = new QueryRoutine(statement.Name, statement.Parameters.Select(p => p.NativeType).ToArray(), returns, statement.Sql, Plan.Table.Name,
            $"{statement.Purpose} Runs {FunctionReason()}");
        var call = $"SELECT * FROM {W.Qualified(_schema, statement.Name)}({W.List(statement.Parameters.Select(p => p.Placeholder))})";
        return statement with { Sql = call, Routine = routine };
    }

    private string FunctionReason() =>
        $"as the query role because {string.Join(", ", PostgreSqlTenantFunctions.NotLeakproof(Plan))} is not LEAKPROOF, so under forced row-level security "
        + "the index would not be used; the tenant comes from app.tenant_id (no rows while it is unset).";

    protected override QueryStatement Search(string name) => Plan.Shape == QueryShape.FuzzySearch ? Fuzzy(name) : FullText(name);

    private QueryStatement Fuzzy(string name)
    {
        var columns = Plan.Search;
        var limit = N(Plan.Limit!.Value);
        var term = Parameter("text", QueryParameterKind.SearchTerm, columns[0].Name, "the search term (typos allowed)");
        // pg_trgm lives in schema public (the index names public.gin_trgm_ops); qualifying its operator and function
        // keeps the query valid whatever the application's search_path.
        var matches = columns.Select(c => $"{W.Id(c.Name)} OPERATOR(public.%) {term}").ToList();
        var scores = columns.Select(c => $"public.similarity({W.Id(c.Name)}, {term})").ToList();
        var score = scores.Count == 1 ? scores[0] : $"greatest({W.List(scores)})";
        var lines = new List<string> { "SELECT " + W.List(Plan.Projection.Select(W.Id).Append($"{score} AS similarity")), From };
        AddWhere(lines, Filters.Append(matches.Count == 1 ? matches[0] : "(" + string.Join(" OR ", matches) + ")").ToArray());
        lines.Add("ORDER BY similarity DESC");
        lines.Add("LIMIT " + limit);
        Notes.Add(columns.Count == 1
            ? $"% keeps rows whose trigram similarity passes pg_trgm.similarity_threshold (0.3 by default) and the GIN index finds them; the best {limit} come first"
            : $"one % predicate per column joined by OR lets each column's trigram index answer its part (a BitmapOr); greatest(similarity) ranks a match on any column, best {limit} first");
        return Statement(name, "Best fuzzy matches first.", lines, AllParameters);
    }

    private QueryStatement FullText(string name)
    {
        var columns = Plan.Search;
        var limit = N(Plan.Limit!.Value);
        // Repeat the index's document expression verbatim (same regconfig, coalesce and concatenation): the planner
        // matches an expression index only on an identical expression.
        var expression = Plan.Table.Indexes.SelectMany(i => i.Keys).Select(k => k.Expression)
            .FirstOrDefault(e => e is { Kind: IndexExpressionKind.FullText } && e.Columns.SequenceEqual(columns.Select(c => c.Name), StringComparer.Ordinal))
            ?? new IndexExpression(IndexExpressionKind.FullText, columns.Select(c => c.Name).ToList(), Plan.Pattern.Language ?? "english");
        var language = W.Cast(W.String(string.IsNullOrWhiteSpace(expression.Language) ? "simple" : expression.Language), "regconfig");
        var document = PostgreSqlExpressions.IndexExpression(expression, Plan.Table);
        var term = Parameter("text", QueryParameterKind.SearchTerm, columns[0].Name, "the search text (web-search syntax: words, \"phrases\", -excluded, or)");
        var query = $"websearch_to_tsquery({language}, {term})";
        var lines = new List<string> { "SELECT " + W.List(Plan.Projection.Select(W.Id).Append($"ts_rank({document}, {query}) AS rank")), From };
        AddWhere(lines, Filters.Append($"{document} @@ {query}").ToArray());
        lines.Add("ORDER BY rank DESC");
        lines.Add("LIMIT " + limit);
        Notes.Add($"the document expression is the index's own, so the GIN index finds the matches; ts_rank orders them, best {limit} first");
        return Statement(name, "Best full-text matches first.", lines, AllParameters);
    }

    private static string Argument(PlannedAggregate aggregate) => aggregate.Column is null ? "*" : W.Id(aggregate.Column.Name);

    // ---- why the serving index serves -----------------------------------------------------------------------------

    /// <summary>True when a serving B-tree, after its equality columns, lists the ORDER BY (all directions as written or all reversed).</summary>
    private bool DeliversOrder(IReadOnlyList<Index?> indexes)
    {
        var sort = Plan.Order.Select(s => IndexKey.Of(s.Column.Name, s.Descending)).ToList();
        return indexes.Any(index => index is { Method: IndexStructure.Ordered } && sort.Count > 0 && SortAfterEquality(index, sort) is { } keys && keys.Count >= sort.Count
            && (keys.Take(sort.Count).SequenceEqual(sort) || keys.Take(sort.Count).SequenceEqual(sort.Select(k => k with { Descending = !k.Descending }))));
    }

    private static List<IndexKey> SortAfterEquality(Index index, IReadOnlyList<IndexKey> sort)
    {
        var keys = index.Keys.ToList();
        var fixedCount = keys.TakeWhile(k => !sort.Any(s => s.Column == k.Column)).Count();
        return keys.Skip(fixedCount).ToList();
    }

    protected override string Reason()
    {
        var shape = Plan.Shape;
        var names = Serving;
        var indexes = names.Select(n => Plan.Table.Indexes.FirstOrDefault(i => i.Name == n)).ToList();
        var limit = Plan.Pattern.Limit;
        var parts = new List<string>();
        if (names.Count == 0)
        {
            parts.Add("No index serves this pattern: it reads the whole table");
        }
        else
        {
            parts.Add("Uses " + string.Join(" and ", names.Select((n, i) => indexes[i] is { } index
                ? $"{n} ({string.Join(", ", index.Keys.Select(PostgreSqlIndexSpelling.Key))}{(index.Include.Count > 0 ? ") INCLUDE (" + string.Join(", ", index.Include) : string.Empty)}){(index.Predicate is { } p ? " WHERE " + p : string.Empty)}"
                : $"{n} (a key constraint leading with the pattern's columns)")));
            if (shape is QueryShape.KeysetPage or QueryShape.Lookup or QueryShape.RangeScan && Plan.Seeks)
            {
                parts.Add("the predicates on its leading columns seek");
            }

            if (shape == QueryShape.KeysetPage && !DeliversOrder(indexes))
            {
                parts.Add($"the index does not end with the whole ORDER BY ({string.Join(", ", Plan.Order.Select(s => IndexKey.Of(s.Column.Name, s.Descending)))}), so matching rows are sorted before the first {N(limit!.Value)} are returned");
            }
            else if (shape == QueryShape.KeysetPage)
            {
                parts.Add($"its order is the ORDER BY, so the scan stops after {N(limit!.Value)} rows; the next page starts at the cursor, so page 1,000 costs what page 1 costs");
            }

            if (indexes.Any(i => i?.Predicate is not null))
            {
                parts.Add("the query repeats the partial index's predicate so the index applies");
            }

            var projected = Plan.Projection;
            if (indexes.Count == 1 && indexes[0] is { Method: IndexStructure.Ordered } only
                && projected.All(c => only.Keys.Any(k => k.Column == c) || only.Include.Contains(c)) && shape is not QueryShape.TimeBuckets and not QueryShape.Aggregate)
            {
                parts.Add("every projected column is in the index: an index-only scan");
            }
        }

        parts.AddRange(Notes);
        if (InFunction)
        {
            parts.Add("it runs in a SECURITY DEFINER function of the same name " + FunctionReason().TrimEnd('.'));
        }

        return string.Join("; ", parts) + ".";
    }
}
