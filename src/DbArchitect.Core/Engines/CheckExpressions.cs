using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines;

/// <summary>
/// The engine-neutral part of a CHECK or partial-index condition: which comparison a check condition states, with
/// which values, and the enum members a check lists. An engine supplies the spelling — the subject (the column, or its
/// length), the literal of a value, the pattern match, the identifier — through its Writer.
/// </summary>
internal static class CheckExpressions
{
    /// <summary>
    /// One condition: <paramref name="subject"/> compared with the condition's values, each written by
    /// <paramref name="literal"/>; a pattern condition by <paramref name="matches"/> (null where the engine has no
    /// pattern match in a CHECK, and the condition was left out before).
    /// </summary>
    public static string Condition(CheckCondition condition, Column column, string subject, Func<string, string> literal, Func<string, string>? matches)
    {
        string Value(int i) =>
            i < condition.Values.Count
                ? literal(condition.Values[i])
                : throw new InvalidOperationException($"Condition '{condition}' on {column.Name} lacks a value.");

        return condition.Operator switch
        {
            CheckOperator.GreaterOrEqual => $"{subject} >= {Value(0)}",
            CheckOperator.Greater => $"{subject} > {Value(0)}",
            CheckOperator.LessOrEqual => $"{subject} <= {Value(0)}",
            CheckOperator.Less => $"{subject} < {Value(0)}",
            CheckOperator.Equal => $"{subject} = {Value(0)}",
            CheckOperator.NotEqual => $"{subject} <> {Value(0)}",
            CheckOperator.Between => $"{subject} BETWEEN {Value(0)} AND {Value(1)}",
            CheckOperator.In => $"{subject} IN ({string.Join(", ", condition.Values.Select(literal))})",
            CheckOperator.Matches when matches is not null => matches(condition.Values.Count > 0
                ? condition.Values[0]
                : throw new InvalidOperationException($"Condition '{condition}' on {column.Name} lacks a pattern.")),
            _ => throw new InvalidOperationException($"Unsupported check operator {condition.Operator}."),
        };
    }

    /// <summary>Every condition of a Conditions check, each written by <paramref name="condition"/>, joined by AND.</summary>
    public static string AllConditions(CheckConstraint check, Func<CheckCondition, string> condition) =>
        check.Conditions.Count == 0
            ? throw new InvalidOperationException($"Check {check.Name} has no conditions.")
            : string.Join(" AND ", check.Conditions.Select(condition));

    /// <summary><paramref name="subject"/> IN (the enum check's members, each written by <paramref name="literal"/>).</summary>
    public static string EnumIn(string subject, CheckConstraint check, LogicalType type, Func<string, string> literal) =>
        subject + " IN (" + string.Join(", ", EnumValues(check, type).Select(literal)) + ")";

    /// <summary>The members an enum check allows: its own list, else the type's.</summary>
    public static IReadOnlyList<string> EnumValues(CheckConstraint check, LogicalType type)
    {
        var values = check.EnumValues.Count > 0 ? check.EnumValues : type.EnumValues;
        return values.Count > 0 ? values : throw new InvalidOperationException($"Check {check.Name} lists no enum values.");
    }

    /// <summary>A partial (filtered) index predicate: column tests joined by AND, each identifier spelled by <paramref name="id"/>.</summary>
    public static string Predicate(IndexPredicate predicate, Func<string, string> id) =>
        string.Join(" AND ", predicate.Tests.Select(t => id(t.Column) + (t.Kind == PredicateKind.IsNull ? " IS NULL" : " IS NOT NULL")));
}
