using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.SqlServer.SqlServerWriter;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>Column defaults, CHECK conditions and filter predicates of the engine-neutral model as T-SQL expressions.</summary>
internal static class SqlServerExpressions
{
    private static readonly SqlServerTypes Types = new();

    public static string NativeType(Column column) => column.NativeType ?? Types.Map(column.Type).Sql;

    /// <summary>True for NVARCHAR(MAX)/VARBINARY(MAX) columns, which cannot be index keys or constraint keys.</summary>
    public static bool IsLob(Column column) => NativeType(column).EndsWith("(MAX)", StringComparison.Ordinal);

    /// <summary>True when the column holds JSON text (json, arrays) and gets an ISJSON check.</summary>
    public static bool HoldsJson(Column column) => column.Type.Kind is LogicalTypeKind.Json or LogicalTypeKind.Array;

    public static string? Default(Column column)
    {
        if (column.Generation == KeyGeneration.RandomUuid)
        {
            return "NEWSEQUENTIALID()";
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
                LogicalTypeKind.Date => "CONVERT(DATE, SYSUTCDATETIME())",
                LogicalTypeKind.Time => "CONVERT(TIME(7), SYSUTCDATETIME())",
                LogicalTypeKind.Timestamp => "TODATETIMEOFFSET(SYSUTCDATETIME(), '+00:00')",
                _ => throw new InvalidOperationException($"Column {column.Name} ({column.Type}) cannot default to now."),
            },
            // NEWSEQUENTIALID() is only allowed as a column default, which this is.
            DefaultKind.RandomUuid => column.Type.Kind == LogicalTypeKind.Uuid
                ? "NEWSEQUENTIALID()"
                : throw new InvalidOperationException($"Column {column.Name} ({column.Type}) cannot default to a random uuid."),
            _ => W.Literal(spec.Value ?? throw new InvalidOperationException($"The default of column {column.Name} has no value."), column.Type),
        };
    }

    /// <summary>
    /// The CHECK expression, or null when nothing of it can be said in a SQL Server 2022 CHECK (regular expressions;
    /// element tests on JSON arrays need a subquery, which CHECK forbids). <see cref="Unsupported"/> names what was left out.
    /// </summary>
    public static string? Check(CheckConstraint check, Column column)
    {
        var name = W.Id(column.Name);
        switch (check.Kind)
        {
            case CheckKind.Conditions:
                var parts = check.Conditions.Where(c => Supported(c, column)).Select(c => Condition(c, column)).ToList();
                return parts.Count == 0 ? null : string.Join(" AND ", parts);
            case CheckKind.EnumMembers:
                return CheckExpressions.EnumIn(name, check, column.Type, W.String);
            case CheckKind.EnumArrayMembers:
                return null;
            case CheckKind.EmailFormat:
                // No regular expressions before SQL Server 2025: one @ with text on both sides and no blanks.
                return $"{name} LIKE N'%_@_%' AND {name} NOT LIKE N'%@%@%' AND {name} NOT LIKE N'% %'";
            case CheckKind.UrlFormat:
                return $"{name} LIKE N'[a-z]%://%'";
            default:
                throw new InvalidOperationException($"Check {check.Name} has an unknown kind {check.Kind}.");
        }
    }

    /// <summary>Why part of a check is not enforced by the database, or null when all of it is.</summary>
    public static string? Unsupported(CheckConstraint check, Column column) => check.Kind switch
    {
        CheckKind.EnumArrayMembers => "the members of a JSON array can only be tested with OPENJSON in a subquery, which a CHECK constraint cannot hold; the ISJSON check stays and the application validates the members",
        CheckKind.Conditions when check.Conditions.Any(c => !Supported(c, column)) =>
            "SQL Server 2022 has no regular expressions (REGEXP_LIKE arrives in SQL Server 2025) and no element count of a JSON array in a CHECK; those conditions are validated by the application",
        _ => null,
    };

    private static bool Supported(CheckCondition condition, Column column) =>
        condition.Operator != CheckOperator.Matches && !(condition.OnLength && HoldsJson(column));

    private static string Condition(CheckCondition condition, Column column)
    {
        var subject = condition.OnLength
            ? (column.Type.Kind == LogicalTypeKind.Binary ? $"DATALENGTH({W.Id(column.Name)})" : $"LEN({W.Id(column.Name)})")
            : W.Id(column.Name);
        var valueType = condition.OnLength ? LogicalType.Int : column.Type;
        return CheckExpressions.Condition(condition, column, subject, v => W.Literal(v, valueType), null);
    }


    /// <summary>A filtered index predicate: column tests joined by AND.</summary>
    public static string Predicate(IndexPredicate predicate) =>
        CheckExpressions.Predicate(predicate, W.Id);

    /// <summary>A name derived from a table and a suffix, within the identifier limit (deterministically shortened).</summary>
    public static string DerivedName(string prefix, string table, string suffix) =>
        IdentifierShortener.Shorten($"{prefix}_{table}_{suffix}", new SqlServerIdentifiers().MaxIdentifierBytes);
}
