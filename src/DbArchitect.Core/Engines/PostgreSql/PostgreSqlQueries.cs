using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// queries/access_patterns.sql: one PREPARE per access pattern, so each template is checked against the schema when
/// the file runs and an application can EXECUTE it by name. Each names the indexes the design built for it.
/// Row-level security adds the tenant filter, so templates never repeat it.
/// </summary>
internal static class PostgreSqlQueries
{
    public const string RelativePath = "queries/access_patterns.sql";

    public const string Purpose = "Query templates for the access patterns (PREPARE, then EXECUTE name(args)); each names the indexes that serve it.";

    public static bool IsNeeded(DbDesign design) => design.Requirement.AccessPatterns.Count > 0;

    public static void Write(W writer, DbDesign design, int maxIdentifierBytes)
    {
        var model = design.Physical;
        var names = new NameScope(maxIdentifierBytes);
        var byEntity = new Dictionary<string, Table>(StringComparer.Ordinal);
        foreach (var candidate in model.Tables)
        {
            byEntity.TryAdd(ImplicitColumns.MatchKey(candidate.SourceEntity ?? candidate.Name), candidate);
        }

        foreach (var pattern in design.Requirement.AccessPatterns)
        {
            writer.BlankLine();
            var rate = pattern.PerSecond is { } perSecond ? $" ({perSecond.ToString(CultureInfo.InvariantCulture)}/s)" : string.Empty;
            writer.Comment($"{pattern.Name}{rate}");
            var table = byEntity.GetValueOrDefault(ImplicitColumns.MatchKey(pattern.Entity));
            if (table is null)
            {
                writer.Comment($"Skipped: no table for entity {pattern.Entity}.");
                continue;
            }

            var served = table.Indexes.Where(i => i.Serves.Contains(Serves.AccessPattern(pattern.Name), StringComparer.Ordinal)).Select(i => i.Name).ToList();
            writer.Comment(served.Count > 0 ? "Served by: " + string.Join(", ", served) : "Served by: no dedicated index");
            try
            {
                var query = new QueryBuilder(table, model.Schema).Build(pattern);
                var name = names.Claim(StatementName(pattern.Name));
                var parameters = query.ParameterTypes.Count > 0 ? " (" + W.List(query.ParameterTypes) + ")" : string.Empty;
                writer.ClausesStatement($"PREPARE {W.Id(name)}{parameters} AS", query.Lines);
            }
            catch (KeyNotFoundException ex)
            {
                writer.Comment("Skipped: " + ex.Message);
            }
        }
    }

    private static bool Same(string a, string b) =>
        string.Equals(ImplicitColumns.MatchKey(a), ImplicitColumns.MatchKey(b), StringComparison.Ordinal);

    /// <summary>"customer order history" → customer_order_history.</summary>
    private static string StatementName(string patternName)
    {
        var chars = patternName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray();
        var name = string.Join('_', new string(chars).Split('_', StringSplitOptions.RemoveEmptyEntries));
        return name.Length == 0 || char.IsAsciiDigit(name[0]) ? "q_" + name : name;
    }

    private sealed record Query(IReadOnlyList<string> ParameterTypes, IReadOnlyList<string> Lines);

    private sealed class QueryBuilder(Table table, string schema)
    {
        private readonly List<string> _types = new();

        public Query Build(AccessPatternSpec pattern)
        {
            var select = new List<string>();
            var groupBy = new List<string>();
            if (pattern.Aggregate is { } aggregate)
            {
                foreach (var key in pattern.GroupBy)
                {
                    var column = Column(key.Column);
                    var expression = key.Bucket is { } bucket
                        ? $"date_trunc({W.String(bucket.ToString().ToLowerInvariant())}, {W.Id(column.Name)})"
                        : W.Id(column.Name);
                    groupBy.Add(expression);
                    select.Add(key.Bucket is { } b ? $"{expression} AS {W.Id(b.ToString().ToLowerInvariant())}" : expression);
                }

                var argument = aggregate.Column is null ? "*" : W.Id(Column(aggregate.Column).Name);
                var function = aggregate.Function.ToString().ToLowerInvariant();
                select.Add($"{function}({argument}) AS {W.Id(function)}");
            }
            else
            {
                if (pattern.Select.Count > 0)
                {
                    select.AddRange(pattern.Select.Select(c => W.Id(Column(c).Name)));
                }
                else
                {
                    select.Add("*");
                }
            }

            var where = new List<string>();
            foreach (var name in pattern.Where)
            {
                var column = Column(name);
                var parameter = Parameter(PostgreSqlExpressions.NativeType(column));
                where.Add(HasLowerIndex(column)
                    ? $"lower({W.Id(column.Name)}) = lower({parameter})"
                    : $"{W.Id(column.Name)} = {parameter}");
            }

            if (pattern.Range is { } rangeName)
            {
                var column = Column(rangeName);
                var native = PostgreSqlExpressions.NativeType(column);
                where.Add($"{W.Id(column.Name)} >= {Parameter(native)}");
                where.Add($"{W.Id(column.Name)} < {Parameter(native)}");
            }

            if (pattern.Search.Count > 0)
            {
                where.Add(Search(pattern));
            }

            if (table.Columns.FirstOrDefault(c => c.Role == ColumnRole.DeletedAt) is { } deletedAt)
            {
                where.Add($"{W.Id(deletedAt.Name)} IS NULL");
            }

            var lines = new List<string> { "SELECT " + W.List(select), "FROM " + W.Qualified(schema, table.Name) };
            if (where.Count > 0)
            {
                lines.Add("WHERE " + string.Join(" AND ", where));
            }

            if (groupBy.Count > 0)
            {
                var positions = Enumerable.Range(1, groupBy.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
                lines.Add("GROUP BY " + W.List(positions));
                lines.Add("ORDER BY " + W.List(positions));
            }
            else if (pattern.OrderBy.Count > 0)
            {
                lines.Add("ORDER BY " + W.List(pattern.OrderBy.Select(k => W.Id(Column(k.Column).Name) + (k.Descending ? " DESC" : string.Empty))));
            }

            if (pattern.Limit is { } limit)
            {
                lines.Add("LIMIT " + limit.ToString(CultureInfo.InvariantCulture));
            }

            return new Query(_types, lines);
        }

        private string Search(AccessPatternSpec pattern)
        {
            var columns = pattern.Search.Select(Column).ToList();
            var parameter = Parameter("text");
            if (pattern.Fuzzy)
            {
                // ILIKE with a trigram GIN index: built in, no search_path dependency on pg_trgm's operators.
                return "(" + string.Join(" OR ", columns.Select(c => $"{W.Id(c.Name)} ILIKE '%' || {parameter} || '%'")) + ")";
            }

            // Repeat the full-text index expression verbatim so the planner can use the index.
            var expression = table.Indexes.SelectMany(i => i.Keys).Select(k => k.Expression)
                .FirstOrDefault(e => e is { Kind: IndexExpressionKind.FullText } && e.Columns.Count == columns.Count
                    && e.Columns.Zip(columns).All(p => Same(p.First, p.Second.Name)))
                ?? new IndexExpression(IndexExpressionKind.FullText, columns.Select(c => c.Name).ToList(), pattern.Language);
            var language = W.Cast(W.String(string.IsNullOrWhiteSpace(expression.Language) ? "simple" : expression.Language), "regconfig");
            return $"{PostgreSqlExpressions.IndexExpression(expression, table)} @@ websearch_to_tsquery({language}, {parameter})";
        }

        /// <summary>A column indexed only as lower(column) is compared case-insensitively, so the index applies.</summary>
        private bool HasLowerIndex(Column column) =>
            table.Indexes.Any(i => i.Keys.Any(k => k.Expression is { Kind: IndexExpressionKind.Lower } e && e.Columns[0] == column.Name))
            && !table.Indexes.Any(i => i.Keys[0].Column == column.Name);

        private string Parameter(string nativeType)
        {
            _types.Add(nativeType);
            return "$" + _types.Count.ToString(CultureInfo.InvariantCulture);
        }

        private Column Column(string name) =>
            table.Columns.FirstOrDefault(c => Same(c.Name, name))
            ?? throw new KeyNotFoundException($"table {table.Name} has no column {name}.");
    }
}
