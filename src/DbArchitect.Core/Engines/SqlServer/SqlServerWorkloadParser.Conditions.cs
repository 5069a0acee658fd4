using DbArchitect.Core.Indexing;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Engines.SqlServer;

internal sealed partial class SqlServerWorkloadParser
{
    private sealed partial class StatementReader
    {
        private static readonly System.Buffers.SearchValues<char> Wildcards = System.Buffers.SearchValues.Create("%_[");

        /// <summary>
        /// A search condition split at AND: each sargable conjunct becomes a test of its column; OR branches, NOT and
        /// functions over columns cannot seek an index, so their columns only count as touched.
        /// </summary>
        private void Condition(BooleanExpression expression, Scope scope)
        {
            switch (expression)
            {
                case BooleanBinaryExpression { BinaryExpressionType: BooleanBinaryExpressionType.And } and:
                    Condition(and.FirstExpression, scope);
                    Condition(and.SecondExpression, scope);
                    break;
                case BooleanParenthesisExpression parenthesis:
                    Condition(parenthesis.Expression, scope);
                    break;
                case BooleanComparisonExpression comparison:
                    Comparison(comparison, scope);
                    break;
                case InPredicate { NotDefined: false } @in when Key(@in.Expression, scope) is { } key:
                    if (@in.Subquery is { } subquery)
                    {
                        Query(subquery.QueryExpression, scope);
                        key.Source.Predicates.Add(new ScanPredicate(key.Column, PredicateOperator.Equality, key.Function, Join: true));
                    }
                    else if (@in.Values.All(v => !HasColumns(v)))
                    {
                        key.Source.Predicates.Add(new ScanPredicate(key.Column, PredicateOperator.In, key.Function, InListSize: @in.Values.Count));
                    }
                    else
                    {
                        Touch(@in, scope);
                    }

                    break;
                case LikePredicate { NotDefined: false, SecondExpression: StringLiteral pattern } like when Key(like.FirstExpression, scope) is { } key:
                    var value = pattern.Value;
                    var wildcard = value.AsSpan().IndexOfAny(Wildcards);
                    key.Source.Predicates.Add(wildcard < 0
                        ? new ScanPredicate(key.Column, PredicateOperator.Equality, key.Function, Constant: value, ConstantIsText: true)
                        : new ScanPredicate(key.Column, wildcard == 0 ? PredicateOperator.InfixLike : PredicateOperator.PrefixLike, key.Function));
                    break;
                case BooleanIsNullExpression isNull when Key(isNull.Expression, scope) is { } key:
                    key.Source.Predicates.Add(new ScanPredicate(key.Column, isNull.IsNot ? PredicateOperator.IsNotNull : PredicateOperator.IsNull, key.Function));
                    break;
                case BooleanTernaryExpression { TernaryExpressionType: BooleanTernaryExpressionType.Between } between
                    when Key(between.FirstExpression, scope) is { } key && !HasColumns(between.SecondExpression) && !HasColumns(between.ThirdExpression):
                    key.Source.Predicates.Add(new ScanPredicate(key.Column, PredicateOperator.Range, key.Function));
                    break;
                case ExistsPredicate exists:
                    Query(exists.Subquery.QueryExpression, scope);
                    break;
                default:
                    Touch(expression, scope);
                    break;
            }
        }

        private void Comparison(BooleanComparisonExpression comparison, Scope scope)
        {
            var left = Key(comparison.FirstExpression, scope);
            var right = Key(comparison.SecondExpression, scope);
            var op = comparison.ComparisonType switch
            {
                BooleanComparisonType.Equals => PredicateOperator.Equality,
                BooleanComparisonType.GreaterThan or BooleanComparisonType.GreaterThanOrEqualTo or BooleanComparisonType.LessThan
                    or BooleanComparisonType.LessThanOrEqualTo or BooleanComparisonType.NotGreaterThan or BooleanComparisonType.NotLessThan => PredicateOperator.Range,
                _ => (PredicateOperator?)null,
            };
            if (op is null)
            {
                Touch(comparison, scope);
                return;
            }

            if (left is { } l && right is { } r)
            {
                if (ReferenceEquals(l.Source, r.Source) || op != PredicateOperator.Equality)
                {
                    l.Source.Touch(l.Column);
                    r.Source.Touch(r.Column);
                    return;
                }

                // A join or correlation key: the other side's rows probe this table by it (and the other way round).
                l.Source.Predicates.Add(new ScanPredicate(l.Column, PredicateOperator.Equality, l.Function, Join: true));
                r.Source.Predicates.Add(new ScanPredicate(r.Column, PredicateOperator.Equality, r.Function, Join: true));
                return;
            }

            var (key, other) = left is not null ? (left.Value, comparison.SecondExpression) : right is not null ? (right.Value, comparison.FirstExpression) : default;
            if (key.Source is null)
            {
                Touch(comparison, scope);
                return;
            }

            var refs = References.Of(other);
            foreach (var subquery in refs.Subqueries)
            {
                Query(subquery.QueryExpression, scope);
            }

            if (refs.Columns.Count > 0)
            {
                // column = expression over other columns: a join key when equal, otherwise only touched.
                Touch(other, scope);
                if (op == PredicateOperator.Equality)
                {
                    key.Source.Predicates.Add(new ScanPredicate(key.Column, PredicateOperator.Equality, key.Function, Join: true));
                }
                else
                {
                    key.Source.Touch(key.Column);
                }

                return;
            }

            var literal = Unwrap(other) as Literal;
            key.Source.Predicates.Add(op == PredicateOperator.Equality && literal is StringLiteral or IntegerLiteral or NumericLiteral
                ? new ScanPredicate(key.Column, PredicateOperator.Equality, key.Function, Constant: literal!.Value, ConstantIsText: literal is StringLiteral)
                : new ScanPredicate(key.Column, op.Value, key.Function));
        }

        /// <summary>A column the index could seek: a plain reference, or LOWER(column). Other functions hide the column.</summary>
        private (Source Source, string Column, KeyFunction Function)? Key(ScalarExpression expression, Scope scope)
        {
            switch (Unwrap(expression))
            {
                case ColumnReferenceExpression { ColumnType: ColumnType.Regular } column when Resolve(column, scope) is { } resolved:
                    return (resolved.Source, resolved.Column, KeyFunction.None);
                case FunctionCall { Parameters.Count: 1 } call when string.Equals(call.FunctionName.Value, "LOWER", StringComparison.OrdinalIgnoreCase)
                    && Unwrap(call.Parameters[0]) is ColumnReferenceExpression inner && Resolve(inner, scope) is { } lowered:
                    return (lowered.Source, lowered.Column, KeyFunction.Lower);
                default:
                    return null;
            }
        }

        private static ScalarExpression Unwrap(ScalarExpression expression) => expression is ParenthesisExpression p ? Unwrap(p.Expression) : expression;

        private static bool HasColumns(TSqlFragment fragment)
        {
            var refs = References.Of(fragment);
            return refs.Columns.Count > 0 || refs.Subqueries.Count > 0;
        }

        /// <summary>Columns an expression reads without a usable test: they belong in a covering index, not its key.</summary>
        private void Touch(TSqlFragment fragment, Scope scope)
        {
            var refs = References.Of(fragment);
            foreach (var column in refs.Columns.Where(c => c.ColumnType == ColumnType.Regular))
            {
                if (Resolve(column, scope) is { } resolved)
                {
                    resolved.Source.Touch(resolved.Column);
                }
            }

            foreach (var subquery in refs.Subqueries)
            {
                Query(subquery.QueryExpression, scope);
            }
        }

        /// <summary>
        /// The table occurrence a column belongs to: by its alias or table name when qualified; otherwise the one table
        /// of the innermost scope that has it. Null for columns of derived tables and CTEs (read inside them).
        /// </summary>
        private (Source Source, string Column)? Resolve(ColumnReferenceExpression reference, Scope scope)
        {
            var parts = reference.MultiPartIdentifier.Identifiers;
            var name = parts[^1].Value;
            if (parts.Count >= 2)
            {
                var qualified = Qualified(parts[^2].Value, scope);
                return qualified.Table is null ? null : (qualified, qualified.Column(name));
            }

            for (var current = scope; current is not null; current = current.Outer)
            {
                var owners = current.Sources.Values.Where(s => s.Has(name)).ToList();
                if (owners.Count > 1)
                {
                    throw new UnknownNameException($"column '{name}' is ambiguous between tables {string.Join(" and ", owners.Select(o => o.Table!.Name))}");
                }

                if (owners.Count == 1)
                {
                    return (owners[0], owners[0].Column(name));
                }

                if (current.Sources.Values.Any(s => s.Table is null) || current.Aliases.Contains(name))
                {
                    return null;
                }
            }

            throw new UnknownNameException($"column '{name}' is in none of the statement's tables ({string.Join(", ", scope.Sources.Values.Where(s => s.Table is not null).Select(s => s.Table!.Name))})");
        }

        private static Source Qualified(string qualifier, Scope scope)
        {
            for (var current = scope; current is not null; current = current.Outer)
            {
                if (current.Sources.TryGetValue(qualifier, out var source))
                {
                    return source;
                }
            }

            throw new UnknownNameException($"'{qualifier}' is neither an alias nor a table of the statement");
        }
    }
}
