using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.MySql.MySqlWriter;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>Column defaults and CHECK conditions of the engine-neutral model as MySQL/MariaDB expressions.</summary>
internal static class MySqlExpressions
{
    /// <summary>POSIX classes read the same in MySQL 8's ICU and MariaDB's PCRE regular expressions.</summary>
    public const string EmailPattern = "^[^@[:space:]]+@[^@[:space:]]+$";

    /// <summary>Case-insensitive through the column's _ci collation.</summary>
    public const string UrlPattern = "^[a-z][a-z0-9+.-]*://";

    public static string NativeType(Column column, MySqlDialect dialect) => column.NativeType ?? new MySqlTypes(dialect).Map(column.Type).Sql;

    /// <summary>
    /// The DEFAULT clause body, or null. TEXT, BLOB and JSON columns only take expression defaults, written in
    /// parentheses (MySQL 8.0.13+, MariaDB 10.2+); so do UUID_TO_BIN and CURRENT_DATE.
    /// </summary>
    public static string? Default(Column column, MySqlDialect dialect)
    {
        if (column.Generation == KeyGeneration.RandomUuid || column.Default is { Kind: DefaultKind.RandomUuid })
        {
            if (column.Type.Kind != LogicalTypeKind.Uuid)
            {
                throw new InvalidOperationException($"Column {column.Name} ({column.Type}) cannot default to a random uuid.");
            }

            return dialect.IsMariaDb ? "UUID()" : "(UUID_TO_BIN(UUID(), 1))";
        }

        if (column.Generation == KeyGeneration.Identity || column.Default is null)
        {
            return null;
        }

        var spec = column.Default;
        if (spec.Kind == DefaultKind.Now)
        {
            return column.Type.Kind switch
            {
                LogicalTypeKind.Date => "(CURRENT_DATE)",
                LogicalTypeKind.Time => "(CURRENT_TIME(6))",
                LogicalTypeKind.Timestamp => "CURRENT_TIMESTAMP(6)",
                _ => throw new InvalidOperationException($"Column {column.Name} ({column.Type}) cannot default to now; only date, time and timestamp can."),
            };
        }

        var literal = W.Literal(spec.Value ?? throw new InvalidOperationException($"The default of column {column.Name} has no value."), column.Type, dialect);
        var expressionOnly = column.Type.Kind is LogicalTypeKind.Text or LogicalTypeKind.Json or LogicalTypeKind.Array or LogicalTypeKind.Binary
            || (column.Type.Kind == LogicalTypeKind.Uuid && !dialect.IsMariaDb);
        return expressionOnly ? "(" + literal + ")" : literal;
    }

    /// <summary>The boolean expression of a CHECK constraint on <paramref name="column"/>.</summary>
    public static string Check(CheckConstraint check, Column column, MySqlDialect dialect)
    {
        var name = W.Id(column.Name);
        return check.Kind switch
        {
            CheckKind.Conditions => CheckExpressions.AllConditions(check, c => Condition(c, column, dialect)),
            CheckKind.EnumMembers => CheckExpressions.EnumIn(name, check, column.Type, W.String),
            // Every element is one of the members: the member list contains the column's array.
            CheckKind.EnumArrayMembers => "JSON_CONTAINS(" + W.String(JsonArray(CheckExpressions.EnumValues(check, column.Type.Element ?? column.Type))) + ", " + name + ")",
            CheckKind.EmailFormat => name + " REGEXP " + W.String(EmailPattern),
            CheckKind.UrlFormat => name + " REGEXP " + W.String(UrlPattern),
            _ => throw new InvalidOperationException($"Check {check.Name} has an unknown kind {check.Kind}."),
        };
    }

    /// <summary>The CHECK an array column always gets: JSON has no array type of its own.</summary>
    public static string ArrayShape(Column column) => $"JSON_TYPE({W.Id(column.Name)}) = 'ARRAY'";

    private static string Condition(CheckCondition condition, Column column, MySqlDialect dialect)
    {
        var subject = condition.OnLength ? LengthOf(column) : W.Id(column.Name);
        var valueType = condition.OnLength ? LogicalType.Int : column.Type;
        return CheckExpressions.Condition(condition, column, subject, v => W.Literal(v, valueType, dialect), p => $"{W.Id(column.Name)} REGEXP {W.String(p)}");
    }

    private static string LengthOf(Column column) => column.Type.Kind switch
    {
        LogicalTypeKind.Array => $"JSON_LENGTH({W.Id(column.Name)})",
        LogicalTypeKind.Binary => $"LENGTH({W.Id(column.Name)})",
        LogicalTypeKind.Json => $"LENGTH(JSON_COMPACT({W.Id(column.Name)}))",
        _ => $"CHAR_LENGTH({W.Id(column.Name)})",
    };

    private static string JsonArray(IReadOnlyList<string> values) =>
        "[" + string.Join(",", values.Select(v => System.Text.Json.JsonSerializer.Serialize(v))) + "]";

}
