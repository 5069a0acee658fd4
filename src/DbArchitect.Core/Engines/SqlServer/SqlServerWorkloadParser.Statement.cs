using System.Globalization;
using DbArchitect.Core.Indexing;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using SortKey = DbArchitect.Core.Requirements.SortKey;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Engines.SqlServer;

internal sealed partial class SqlServerWorkloadParser
{
    /// <summary>Reads one statement: every table occurrence becomes a source collecting its tests, order, grouping and columns.</summary>
    private sealed partial class StatementReader
    {
        private readonly SchemaModel _catalog;
        private readonly List<Source> _sources = new();
        private readonly HashSet<string> _ctes = new(StringComparer.OrdinalIgnoreCase);

        public StatementReader(SchemaModel catalog) => _catalog = catalog;

        public List<Write> Writes { get; } = new();

        /// <summary>True when the statement reads rows (a SELECT, or an UPDATE/DELETE/INSERT … SELECT finding its rows).</summary>
        public bool Reads { get; private set; }

        public bool Read(TSqlStatement statement)
        {
            if (statement is DataModificationStatement modification)
            {
                Ctes(modification.WithCtesAndXmlNamespaces);
            }

            switch (statement)
            {
                case SelectStatement select:
                    Ctes(select.WithCtesAndXmlNamespaces);
                    Query(select.QueryExpression, null);
                    Reads = true;
                    return true;
                case UpdateStatement { UpdateSpecification: var update }:
                    var (updated, scope) = Modify(update.Target, update.FromClause, update.WhereClause);
                    var set = update.SetClauses.OfType<AssignmentSetClause>().Where(c => c.Column is not null)
                        .Select(c => updated.Column(c.Column.MultiPartIdentifier.Identifiers[^1].Value)).Distinct(StringComparer.Ordinal).ToList();
                    foreach (var clause in update.SetClauses.OfType<AssignmentSetClause>().Where(c => c.NewValue is not null))
                    {
                        Touch(clause.NewValue, scope);
                    }

                    Writes.Add(new Write(updated.Table!.Name, WriteKind.Update, set));
                    return true;
                case DeleteStatement { DeleteSpecification: var delete }:
                    var (deleted, _) = Modify(delete.Target, delete.FromClause, delete.WhereClause);
                    Writes.Add(new Write(deleted.Table!.Name, WriteKind.Delete, Array.Empty<string>()));
                    return true;
                case InsertStatement { InsertSpecification: var insert }:
                    var target = Named(insert.Target as NamedTableReference ?? throw new UnknownNameException("the INSERT target is not a table"));
                    _sources.Remove(target);
                    if (insert.InsertSource is SelectInsertSource { Select: var source })
                    {
                        Query(source, null);
                        Reads = true;
                    }

                    Writes.Add(new Write(target.Table!.Name, WriteKind.Insert, Array.Empty<string>()));
                    return true;
                default:
                    return false;
            }
        }

        public IReadOnlyList<WorkloadScan> Scans() => _sources.Where(s => s.Table is not null)
            .Select(s => new WorkloadScan(s.Table!.Name, s.Predicates, s.OrderBy, s.GroupBy, s.Projected, s.Limit, s.All)).ToList();

        private void Ctes(WithCtesAndXmlNamespaces? with)
        {
            foreach (var cte in with?.CommonTableExpressions ?? (IList<CommonTableExpression>)Array.Empty<CommonTableExpression>())
            {
                Query(cte.QueryExpression, null);
                _ctes.Add(cte.ExpressionName.Value);
                Reads = true;
            }
        }

        /// <summary>UPDATE/DELETE: the target is a table or an alias of the FROM clause; the WHERE finds the rows.</summary>
        private (Source Target, Scope Scope) Modify(TableReference target, FromClause? from, WhereClause? where)
        {
            var scope = new Scope(null);
            var joins = new List<BooleanExpression>();
            foreach (var reference in from?.TableReferences ?? (IList<TableReference>)Array.Empty<TableReference>())
            {
                Add(reference, scope, joins);
            }

            var named = target as NamedTableReference ?? throw new UnknownNameException("the statement's target is not a table");
            if (!scope.Sources.TryGetValue(named.Alias?.Value ?? named.SchemaObject.BaseIdentifier.Value, out var source) || source.Table is null)
            {
                source = Named(named);
                scope.Sources[named.Alias?.Value ?? source.Table!.Name] = source;
            }

            foreach (var join in joins)
            {
                Condition(join, scope);
            }

            if (where?.SearchCondition is { } condition)
            {
                Condition(condition, scope);
                Reads = true;
            }

            return (source, scope);
        }

        private void Query(QueryExpression expression, Scope? outer)
        {
            switch (expression)
            {
                case QuerySpecification spec:
                    Specification(spec, outer);
                    break;
                case BinaryQueryExpression binary:
                    Query(binary.FirstQueryExpression, outer);
                    Query(binary.SecondQueryExpression, outer);
                    break;
                case QueryParenthesisExpression parenthesis:
                    Query(parenthesis.QueryExpression, outer);
                    break;
            }
        }

        private void Specification(QuerySpecification spec, Scope? outer)
        {
            var scope = new Scope(outer);
            var joins = new List<BooleanExpression>();
            foreach (var reference in spec.FromClause?.TableReferences ?? (IList<TableReference>)Array.Empty<TableReference>())
            {
                Add(reference, scope, joins);
            }

            foreach (var element in spec.SelectElements)
            {
                switch (element)
                {
                    case SelectStarExpression { Qualifier: null }:
                        foreach (var source in scope.Sources.Values)
                        {
                            source.All = true;
                        }

                        break;
                    case SelectStarExpression star:
                        Qualified(star.Qualifier.Identifiers[^1].Value, scope).All = true;
                        break;
                    case SelectScalarExpression scalar:
                        Touch(scalar.Expression, scope);
                        if (scalar.ColumnName?.Value is { } alias)
                        {
                            scope.Aliases.Add(alias);
                        }

                        break;
                    default:
                        Touch(element, scope);
                        break;
                }
            }

            foreach (var join in joins)
            {
                Condition(join, scope);
            }

            if (spec.WhereClause?.SearchCondition is { } where)
            {
                Condition(where, scope);
            }

            foreach (var group in spec.GroupByClause?.GroupingSpecifications ?? (IList<GroupingSpecification>)Array.Empty<GroupingSpecification>())
            {
                if (group is ExpressionGroupingSpecification { Expression: ColumnReferenceExpression column } && Resolve(column, scope) is { } resolved)
                {
                    resolved.Source.GroupBy.Add(resolved.Column);
                }
                else
                {
                    Touch(group, scope);
                }
            }

            if (spec.HavingClause?.SearchCondition is { } having)
            {
                Touch(having, scope);
            }

            Order(spec, scope);
        }

        /// <summary>ORDER BY keys go to their table when one table holds them all; TOP / OFFSET-FETCH to that table.</summary>
        private void Order(QuerySpecification spec, Scope scope)
        {
            var keys = new List<(Source Source, SortKey Key)>();
            var servable = true;
            foreach (var element in spec.OrderByClause?.OrderByElements ?? (IList<ExpressionWithSortOrder>)Array.Empty<ExpressionWithSortOrder>())
            {
                if (element.Expression is ColumnReferenceExpression { MultiPartIdentifier.Count: 1 } alias && scope.Aliases.Contains(alias.MultiPartIdentifier.Identifiers[0].Value)
                    && !scope.Sources.Values.Any(s => s.Has(alias.MultiPartIdentifier.Identifiers[0].Value)))
                {
                    servable = false;
                    continue;
                }

                if (element.Expression is ColumnReferenceExpression column && Resolve(column, scope) is { } resolved)
                {
                    keys.Add((resolved.Source, new SortKey(resolved.Column, element.SortOrder == SortOrder.Descending)));
                }
                else
                {
                    servable = false;
                    Touch(element.Expression, scope);
                }
            }

            var sources = keys.Select(k => k.Source).Distinct().ToList();
            if (servable && sources.Count == 1)
            {
                sources[0].OrderBy.AddRange(keys.Select(k => k.Key));
            }
            else
            {
                foreach (var (source, key) in keys)
                {
                    source.Touch(key.Column);
                }
            }

            var limit = Limit(spec);
            var driving = sources.Count == 1 ? sources[0] : keys.Count == 0 && scope.Sources.Count == 1 ? scope.Sources.Values.First() : null;
            if (limit is not null && driving is not null)
            {
                driving.Limit = limit;
            }
        }

        private static int? Limit(QuerySpecification spec)
        {
            if (spec.TopRowFilter is { Percent: false } top && Integer(top.Expression) is { } rows)
            {
                return rows;
            }

            return spec.OffsetClause is { } offset && Integer(offset.FetchExpression) is { } fetch ? fetch + (Integer(offset.OffsetExpression) ?? 0) : null;
        }

        private static int? Integer(ScalarExpression? expression) => expression switch
        {
            ParenthesisExpression p => Integer(p.Expression),
            IntegerLiteral literal when int.TryParse(literal.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) => value,
            _ => null,
        };

        private void Add(TableReference reference, Scope scope, List<BooleanExpression> joins)
        {
            switch (reference)
            {
                case NamedTableReference named when _ctes.Contains(named.SchemaObject.BaseIdentifier.Value):
                    scope.Sources[named.Alias?.Value ?? named.SchemaObject.BaseIdentifier.Value] = new Source(null);
                    break;
                case NamedTableReference named:
                    var source = Named(named);
                    scope.Sources[named.Alias?.Value ?? source.Table!.Name] = source;
                    break;
                case QualifiedJoin join:
                    Add(join.FirstTableReference, scope, joins);
                    Add(join.SecondTableReference, scope, joins);
                    joins.Add(join.SearchCondition);
                    break;
                case UnqualifiedJoin join:
                    Add(join.FirstTableReference, scope, joins);
                    Add(join.SecondTableReference, scope, joins);
                    break;
                case JoinParenthesisTableReference parenthesis:
                    Add(parenthesis.Join, scope, joins);
                    break;
                case QueryDerivedTable derived:
                    Query(derived.QueryExpression, null);
                    scope.Sources[derived.Alias?.Value ?? "derived" + scope.Sources.Count.ToString(CultureInfo.InvariantCulture)] = new Source(null);
                    break;
                case TableReferenceWithAlias other:
                    scope.Sources[other.Alias?.Value ?? "source" + scope.Sources.Count.ToString(CultureInfo.InvariantCulture)] = new Source(null);
                    break;
            }
        }

        private Source Named(NamedTableReference named)
        {
            var name = named.SchemaObject.BaseIdentifier.Value;
            var table = _catalog.Tables.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new UnknownNameException($"table '{name}' is not in the catalog");
            var source = new Source(table);
            _sources.Add(source);
            return source;
        }
    }
}
