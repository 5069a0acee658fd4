using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>Column defaults, CHECK conditions and index keys of the engine-neutral model as PostgreSQL expressions.</summary>
internal static class PostgreSqlExpressions
{
    private static readonly PostgreSqlTypes Types = new();

    public const string EmailPattern = "^[^@[:space:]]+@[^@[:space:]]+$";
    public const string UrlPattern = "^[a-z][a-z0-9+.-]*://";

    /// <summary>The column's native type: the physical model's, or the mapping of its logical type.</summary>
    public static string NativeType(Column column) => column.NativeType ?? Types.Map(column.Type).Sql;

    /// <summary>The DEFAULT expression of a column, or null when it has none. Key generation wins over a declared default.</summary>
    public static string? Default(Column column)
    {
        if (column.Generation == KeyGeneration.RandomUuid)
        {
            return "gen_random_uuid()";
        }

        if (column.Generation == KeyGeneration.Identity || column.Default is null)
        {
            return null;
        }

        var spec = column.Default;
        return spec.Kind switch
        {
            DefaultKind.Now => column.Type.Kind switch
            {
                LogicalTypeKind.Date => "CURRENT_DATE",
                LogicalTypeKind.Time => "LOCALTIME",
                LogicalTypeKind.Timestamp => "CURRENT_TIMESTAMP",
                _ => throw new InvalidOperationException($"Column {column.Name} ({column.Type}) cannot default to now; only date, time and timestamp can."),
            },
            DefaultKind.RandomUuid => column.Type.Kind == LogicalTypeKind.Uuid
                ? "gen_random_uuid()"
                : throw new InvalidOperationException($"Column {column.Name} ({column.Type}) cannot default to a random uuid."),
            _ => W.Literal(spec.Value ?? throw new InvalidOperationException($"The default of column {column.Name} has no value."), column.Type, NativeType(column)),
        };
    }

    /// <summary>The boolean expression of a CHECK constraint on <paramref name="column"/>.</summary>
    public static string Check(CheckConstraint check, Column column)
    {
        var name = W.Id(column.Name);
        switch (check.Kind)
        {
            case CheckKind.Conditions:
                return CheckExpressions.AllConditions(check, c => Condition(c, column));
            case CheckKind.EnumMembers:
                return CheckExpressions.EnumIn(name, check, column.Type, W.String);
            case CheckKind.EnumArrayMembers:
                return name + " <@ " + W.Cast("ARRAY[" + W.List(CheckExpressions.EnumValues(check, column.Type.Element ?? column.Type).Select(W.String)) + "]", "text[]");
            case CheckKind.EmailFormat:
                return name + " ~ " + W.String(EmailPattern);
            case CheckKind.UrlFormat:
                return name + " ~* " + W.String(UrlPattern);
            default:
                throw new InvalidOperationException($"Check {check.Name} has an unknown kind {check.Kind}.");
        }
    }

    private static string Condition(CheckCondition condition, Column column)
    {
        var subject = condition.OnLength ? LengthOf(column) : W.Id(column.Name);
        var valueType = condition.OnLength ? LogicalType.Int : column.Type;
        var native = condition.OnLength ? "integer" : NativeType(column);
        return CheckExpressions.Condition(condition, column, subject, v => W.Literal(v, valueType, native), p => $"{W.Id(column.Name)} ~ {W.String(p)}");
    }

    private static string LengthOf(Column column) => column.Type.Kind switch
    {
        LogicalTypeKind.Array => $"cardinality({W.Id(column.Name)})",
        LogicalTypeKind.Binary => $"octet_length({W.Id(column.Name)})",
        LogicalTypeKind.Json => $"octet_length({W.Id(column.Name)}::text)",
        _ => $"char_length({W.Id(column.Name)})",
    };


    /// <summary>One key of CREATE INDEX: a column or a parenthesised expression, its operator class and direction.</summary>
    public static string IndexKey(IndexKey key, Table table, IndexStructure method)
    {
        string body;
        if (key.Expression is { } expression)
        {
            body = "(" + IndexExpression(expression, table) + ")";
        }
        else
        {
            body = W.Id(key.Column ?? throw new InvalidOperationException($"An index key on {table.Name} has neither a column nor an expression."));
        }

        var opclass = key.Match switch
        {
            KeyMatch.Trigram => method switch
            {
                IndexStructure.Inverted => " public.gin_trgm_ops",
                IndexStructure.Spatial => " public.gist_trgm_ops",
                _ => throw new InvalidOperationException($"Trigram keys need a GIN or GiST index ({table.Name}: {key})."),
            },
            KeyMatch.Containment => method == IndexStructure.Inverted
                ? " jsonb_path_ops"
                : throw new InvalidOperationException($"JSON path keys need a GIN index ({table.Name}: {key})."),
            _ => string.Empty,
        };
        return body + opclass + (key.Descending ? " DESC" : string.Empty);
    }

    /// <summary>An index expression (lower, full-text document); queries repeat it verbatim so the planner can match the index.</summary>
    public static string IndexExpression(IndexExpression expression, Table table)
    {
        if (expression.Columns.Count == 0)
        {
            throw new InvalidOperationException($"An index expression on {table.Name} names no columns.");
        }

        switch (expression.Kind)
        {
            case IndexExpressionKind.Lower:
                return $"lower({W.Id(expression.Columns[0])})";
            case IndexExpressionKind.FullText:
                // Every part is text and immutable (a non-text column is cast), so the expression can be indexed.
                var document = string.Join(" || ' ' || ", expression.Columns.Select(c => $"coalesce({AsText(c, table)}, '')"));
                var language = W.Cast(W.String(string.IsNullOrWhiteSpace(expression.Language) ? "simple" : expression.Language), "regconfig");
                return $"to_tsvector({language}, {document})";
            default:
                throw new InvalidOperationException($"Unknown index expression {expression.Kind}.");
        }
    }

    private static string AsText(string columnName, Table table)
    {
        var column = table.FindColumn(columnName);
        return column is null || column.Type.IsTextual ? W.Id(columnName) : W.Cast(W.Id(columnName), "text");
    }

    /// <summary>A partial index predicate: column tests joined by AND.</summary>
    public static string Predicate(IndexPredicate predicate) =>
        CheckExpressions.Predicate(predicate, W.Id);
}
