namespace DbArchitect.Core.Indexing;

/// <summary>
/// The share of a table's rows a predicate keeps, from column statistics where known and otherwise from the planner's
/// customary defaults (PostgreSQL: 0.005 for an unknown equality, 1/3 for an open range, 0.01 for a pattern).
/// </summary>
public static class Selectivity
{
    public const double UnknownRange = 0.1;

    public const double Prefix = 0.01;

    public const double Infix = 0.05;

    public const double Containment = 0.01;

    public static double Of(ScanPredicate predicate, TableProfile table)
    {
        var column = table.Column(predicate.Column);
        var distinct = Math.Max(1, column.Distinct);
        return predicate.Operator switch
        {
            PredicateOperator.Equality when predicate.Constant is not null && column.CommonValues.TryGetValue(predicate.Constant, out var frequency) => frequency,
            PredicateOperator.Equality => (1 - column.NullFraction) / distinct,
            PredicateOperator.In => Math.Min(1, Math.Max(1, predicate.InListSize) / distinct),
            PredicateOperator.Range => UnknownRange,
            PredicateOperator.PrefixLike => Prefix,
            PredicateOperator.InfixLike => Infix,
            PredicateOperator.IsNull => Math.Max(0.001, column.NullFraction),
            PredicateOperator.IsNotNull => Math.Max(0.001, 1 - column.NullFraction),
            _ => Containment,
        };
    }
}
