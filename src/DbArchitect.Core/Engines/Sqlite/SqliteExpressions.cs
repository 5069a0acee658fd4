using System.Globalization;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.Sqlite.SqliteWriter;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>Defaults, CHECK conditions, the per-type shape checks and index keys of the neutral model in SQLite's dialect.</summary>
internal static class SqliteExpressions
{
    private static readonly SqliteTypes Types = new();

    /// <summary>The canonical timestamp form: UTC, milliseconds, Z. Text order is time order.</summary>
    public const string TimestampFormat = "%Y-%m-%dT%H:%M:%fZ";

    public static string NativeType(Column column) => column.NativeType ?? Types.Map(column.Type).Sql;

    /// <summary>The current UTC instant in the canonical form.</summary>
    public static string Now => $"strftime({W.String(TimestampFormat)}, 'now')";

    /// <summary>
    /// A random version-4 uuid in canonical lower-case text: SQLite has no uuid function in its default build, so it is
    /// assembled from randomblob() with the version nibble 4 and the variant nibble 8, 9, a or b.
    /// </summary>
    public const string RandomUuid =
        "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || "
        + "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))";

    /// <summary>The DEFAULT clause value (parenthesised when it is an expression), or null.</summary>
    public static string? Default(Column column)
    {
        if (column.Generation == KeyGeneration.RandomUuid)
        {
            return "(" + RandomUuid + ")";
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
                LogicalTypeKind.Date => "(date('now'))",
                LogicalTypeKind.Time => "(time('now'))",
                LogicalTypeKind.Timestamp => "(" + Now + ")",
                _ => throw new InvalidOperationException($"Column {column.Name} ({column.Type}) cannot default to now; only date, time and timestamp can."),
            },
            DefaultKind.RandomUuid => column.Type.Kind == LogicalTypeKind.Uuid
                ? "(" + RandomUuid + ")"
                : throw new InvalidOperationException($"Column {column.Name} ({column.Type}) cannot default to a random uuid."),
            _ => Parenthesised(W.Literal(spec.Value ?? throw new InvalidOperationException($"The default of column {column.Name} has no value."), column.Type)),
        };
    }

    /// <summary>
    /// The shape rule of the column's logical type that a STRICT storage class alone does not enforce (length, range,
    /// uuid and timestamp form, boolean, JSON), or null. Written as an unnamed column CHECK.
    /// </summary>
    public static string? TypeCheck(Column column)
    {
        var c = W.Id(column.Name);
        var type = column.Type;
        return type.Kind switch
        {
            LogicalTypeKind.String or LogicalTypeKind.Char => $"length({c}) <= {N(type.Length ?? 0)}",
            LogicalTypeKind.Email => $"length({c}) <= 320",
            LogicalTypeKind.Url => $"length({c}) <= 2048",
            LogicalTypeKind.SmallInt => $"{c} BETWEEN -32768 AND 32767",
            LogicalTypeKind.Int => $"{c} BETWEEN -2147483648 AND 2147483647",
            LogicalTypeKind.Decimal when SqliteTypes.IntegerScale(type) is not null => $"abs({c}) < {Power(type.Precision ?? 18)}",
            LogicalTypeKind.Decimal => $"{c} GLOB '*[0-9]*' AND {c} NOT GLOB '*[^0-9.+-]*'",
            LogicalTypeKind.Bool => $"{c} IN (0, 1)",
            LogicalTypeKind.Uuid => $"length({c}) = 36 AND {c} NOT GLOB '*[^0-9a-f-]*' AND substr({c}, 9, 1) || substr({c}, 14, 1) || substr({c}, 19, 1) || substr({c}, 24, 1) = '----'",
            LogicalTypeKind.Timestamp => $"strftime({W.String(TimestampFormat)}, {c}) IS {c}",
            LogicalTypeKind.Date => $"date({c}) IS {c}",
            LogicalTypeKind.Time => $"time({c}) IS {c}",
            // json_valid(NULL) is 0 before SQLite 3.45 (NULL from then on): a missing document passes on every version.
            LogicalTypeKind.Json => $"{c} IS NULL OR json_valid({c})",
            LogicalTypeKind.Array => $"CASE WHEN {c} IS NULL THEN 1 WHEN json_valid({c}) THEN json_type({c}) = 'array' ELSE 0 END",
            _ => null,
        };
    }

    /// <summary>True when a CHECK of this kind can be a table constraint (SQLite forbids subqueries in CHECK).</summary>
    public static bool IsTableCheck(CheckConstraint check) => check.Kind != CheckKind.EnumArrayMembers;

    /// <summary>The boolean expression of a named CHECK constraint on <paramref name="column"/>.</summary>
    public static string Check(CheckConstraint check, Column column)
    {
        var name = W.Id(column.Name);
        switch (check.Kind)
        {
            case CheckKind.Conditions:
                return CheckExpressions.AllConditions(check, c => Condition(c, column));
            case CheckKind.EnumMembers:
                return CheckExpressions.EnumIn(name, check, column.Type.Element ?? column.Type, W.String);
            case CheckKind.EmailFormat:
                return $"{name} GLOB '?*@?*' AND {name} NOT GLOB '*@*@*' AND {name} NOT GLOB {W.String("*[ \t\n]*")}";
            case CheckKind.UrlFormat:
                return $"lower({name}) GLOB '[a-z]*://?*'";
            default:
                throw new InvalidOperationException($"Check {check.Name} ({check.Kind}) cannot be a CHECK constraint in SQLite.");
        }
    }

    /// <summary>The enum values an array column's elements must be among.</summary>
    public static IReadOnlyList<string> EnumValues(CheckConstraint check, LogicalType type) => CheckExpressions.EnumValues(check, type.Element ?? type);

    private static string Condition(CheckCondition condition, Column column)
    {
        var subject = condition.OnLength ? LengthOf(column) : W.Id(column.Name);
        var valueType = condition.OnLength ? LogicalType.Int : column.Type;
        return CheckExpressions.Condition(condition, column, subject, v => W.Literal(v, valueType), p => Matches(p, column));
    }

    /// <summary>
    /// A pattern condition: its exact GLOB form when it has one (<see cref="SqlitePatterns"/>), else REGEXP, which needs
    /// the connection's regexp() function (see the schema decision "Pattern checks").
    /// </summary>
    private static string Matches(string pattern, Column column) =>
        SqlitePatterns.ToGlob(pattern, W.Id(column.Name)) is { } glob ? "(" + glob + ")" : $"{W.Id(column.Name)} REGEXP {W.String(pattern)}";

    /// <summary>True when the check needs the connection's regexp() function.</summary>
    public static bool NeedsRegexp(CheckConstraint check) =>
        check.Kind == CheckKind.Conditions && check.Conditions.Any(c => c.Operator == CheckOperator.Matches && c.Values.Count > 0 && SqlitePatterns.ToGlob(c.Values[0], "x") is null);

    private static string LengthOf(Column column) => column.Type.Kind switch
    {
        LogicalTypeKind.Array => $"json_array_length({W.Id(column.Name)})",
        LogicalTypeKind.Json => $"length(CAST({W.Id(column.Name)} AS BLOB))",
        _ => $"length({W.Id(column.Name)})",
    };

    /// <summary>True when a B-tree can hold the key (a column or lower()); full-text and trigram keys go to FTS5.</summary>
    public static bool IsBTreeKey(IndexKey key) =>
        key.Match == KeyMatch.Ordinary && key.Expression is null or { Kind: IndexExpressionKind.Lower };

    /// <summary>One key of CREATE INDEX.</summary>
    public static string IndexKey(IndexKey key, Table table)
    {
        var body = key.Expression is { Kind: IndexExpressionKind.Lower } lower
            ? $"lower({W.Id(lower.Columns[0])})"
            : W.Id(key.Column ?? throw new InvalidOperationException($"An index key on {table.Name} is neither a column nor lower()."));
        return body + (key.Descending ? " DESC" : string.Empty);
    }

    public static string Predicate(IndexPredicate predicate) =>
        CheckExpressions.Predicate(predicate, W.Id);

    private static string Parenthesised(string literal) => literal.StartsWith('(') ? literal : "(" + literal + ")";

    private static string Power(int digits) => "1" + new string('0', Math.Clamp(digits, 1, 18));

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
