using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.Oracle.OracleWriter;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>Column defaults, CHECK conditions and index keys of the engine-neutral model as Oracle expressions.</summary>
internal static class OracleExpressions
{
    public const string EmailPattern = "^[^@[:space:]]+@[^@[:space:]]+$";
    public const string UrlPattern = "^[a-z][a-z0-9+.-]*://";

    public static string NativeType(Column column, OracleTypes types) => column.NativeType ?? types.Map(column.Type).Sql;

    /// <summary>
    /// The DEFAULT expression, or null. A string default of '' is no default in Oracle (the empty string is NULL), so
    /// it is left out rather than written as a NULL that a NOT NULL column would reject.
    /// </summary>
    public static string? Default(Column column, OracleTypes types)
    {
        if (column.Generation == KeyGeneration.RandomUuid)
        {
            return "SYS_GUID()";
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
                LogicalTypeKind.Date => "TRUNC(SYSDATE)",
                LogicalTypeKind.Time => "NUMTODSINTERVAL(SYSDATE - TRUNC(SYSDATE), 'DAY')",
                LogicalTypeKind.Timestamp => "SYSTIMESTAMP",
                _ => throw new InvalidOperationException($"Column {column.Name} ({column.Type}) cannot default to now; only date, time and timestamp can."),
            },
            DefaultKind.RandomUuid => column.Type.Kind == LogicalTypeKind.Uuid
                ? "SYS_GUID()"
                : throw new InvalidOperationException($"Column {column.Name} ({column.Type}) cannot default to a random uuid."),
            _ when spec.Value is { Length: 0 } && column.Type.IsTextual => null,
            _ => W.Literal(spec.Value ?? throw new InvalidOperationException($"The default of column {column.Name} has no value."), column.Type, NativeType(column, types)),
        };
    }

    public static bool IsLob(Column column, OracleTypes types) => NativeType(column, types) is "CLOB" or "BLOB" or "JSON";

    /// <summary>The boolean expression of a CHECK constraint on <paramref name="column"/>.</summary>
    public static string Check(CheckConstraint check, Column column, OracleTypes types)
    {
        var name = Comparable(column, types);
        switch (check.Kind)
        {
            case CheckKind.Conditions:
                return CheckExpressions.AllConditions(check, c => Condition(c, column, types));
            case CheckKind.EnumMembers:
                return CheckExpressions.EnumIn(name, check, column.Type, W.String);
            case CheckKind.EnumArrayMembers:
                // Arrays are JSON arrays: no element may be outside the list (a JSON path filter, 12.2+).
                var members = CheckExpressions.EnumValues(check, column.Type.Element ?? column.Type)
                    .Select(v => "@ != \"" + v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
                return $"NOT JSON_EXISTS({W.Id(column.Name)}, {W.String("$[*]?(" + string.Join(" && ", members) + ")")})";
            case CheckKind.EmailFormat:
                return $"REGEXP_LIKE({name}, {W.String(EmailPattern)})";
            case CheckKind.UrlFormat:
                return $"REGEXP_LIKE({name}, {W.String(UrlPattern)}, 'i')";
            default:
                throw new InvalidOperationException($"Check {check.Name} has an unknown kind {check.Kind}.");
        }
    }

    /// <summary>The column as a comparable value: a CLOB is converted with TO_CHAR, because = and IN do not accept LOBs.</summary>
    private static string Comparable(Column column, OracleTypes types) =>
        NativeType(column, types) == "CLOB" && column.Type.IsTextual ? $"TO_CHAR({W.Id(column.Name)})" : W.Id(column.Name);

    private static string Condition(CheckCondition condition, Column column, OracleTypes types)
    {
        var subject = condition.OnLength ? LengthOf(column) : Comparable(column, types);
        var valueType = condition.OnLength ? LogicalType.Int : column.Type;
        var native = condition.OnLength ? "NUMBER(10)" : NativeType(column, types);
        return CheckExpressions.Condition(condition, column, subject, v => W.Literal(v, valueType, native), p => $"REGEXP_LIKE({W.Id(column.Name)}, {W.String(p)})");
    }

    private static string LengthOf(Column column) => column.Type.Kind switch
    {
        LogicalTypeKind.Array => $"JSON_VALUE({W.Id(column.Name)}, '$.size()' RETURNING NUMBER)",
        LogicalTypeKind.Binary => $"DBMS_LOB.GETLENGTH({W.Id(column.Name)})",
        _ => $"LENGTH({W.Id(column.Name)})",
    };


    /// <summary>A B-tree key: the column, or LOWER(column) for a case-insensitive key.</summary>
    public static string KeyExpression(IndexKey key, Table table)
    {
        if (key.Expression is { Kind: IndexExpressionKind.Lower } lower)
        {
            return $"LOWER({W.Id(lower.Columns[0])})";
        }

        return W.Id(key.Column ?? key.Expression?.Columns[0] ?? throw new InvalidOperationException($"An index key on {table.Name} has neither a column nor an expression."));
    }

    /// <summary>A partial-index predicate as a condition: column tests joined by AND.</summary>
    public static string Predicate(IndexPredicate predicate) =>
        CheckExpressions.Predicate(predicate, W.Id);
}
