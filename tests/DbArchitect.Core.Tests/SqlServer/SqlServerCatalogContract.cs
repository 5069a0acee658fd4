using System.Text.Json;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Tests.SqlServer;

/// <summary>
/// The catalog contract (tests/fixtures/sqlserver-catalog/sqlserver-2022.json): the system views, DMVs and msdb tables
/// of SQL Server 2022 with their documented columns. <see cref="Problems"/> parses a query with TSql160Parser and walks
/// it: every table it names (views, table-valued DMFs) must be in the contract, and every column resolved through its
/// alias (or, unqualified, through the only views in scope) must be one of that view's columns. Names of CTEs, derived
/// tables and built-in rowset functions (STRING_SPLIT) are the query's own and are not checked; select-list aliases
/// may be named again (ORDER BY, an outer query).
/// </summary>
internal sealed class SqlServerCatalogContract
{
    private readonly Dictionary<string, (HashSet<string> Columns, bool Azure)> _views;

    private SqlServerCatalogContract(Dictionary<string, (HashSet<string> Columns, bool Azure)> views)
    {
        _views = views;
    }

    public static SqlServerCatalogContract Load()
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "sqlserver-catalog", "sqlserver-2022.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var views = new Dictionary<string, (HashSet<string>, bool)>(StringComparer.OrdinalIgnoreCase);
        foreach (var view in document.RootElement.GetProperty("views").EnumerateObject())
        {
            var columns = view.Value.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            views[view.Name] = (columns, view.Value.GetProperty("azureSqlDatabase").GetBoolean());
        }

        return new SqlServerCatalogContract(views);
    }

    public IReadOnlyCollection<string> Views => _views.Keys;

    public bool OnAzureSqlDatabase(string view) => _views.TryGetValue(view, out var entry) && entry.Azure;

    /// <summary>Parse errors, unknown views and unknown columns of the query; empty when it keeps the contract.</summary>
    public List<string> Problems(string sql) => Walk(sql).Problems;

    /// <summary>The contract views the query names ("sys.tables"), and the databases it names besides the current one (msdb, master, tempdb).</summary>
    public (IReadOnlyCollection<string> Views, IReadOnlyCollection<string> Databases) Names(string sql)
    {
        var walker = Walk(sql);
        return (walker.Named, walker.Databases);
    }

    private Walker Walk(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);
        var walker = new Walker(this);
        walker.Problems.AddRange(errors.Select(e => $"parse error at {e.Line}:{e.Column}: {e.Message}"));
        if (errors.Count == 0)
        {
            var aliases = new AliasCollector();
            fragment.Accept(aliases);
            walker.SelectAliases.UnionWith(aliases.Aliases);
            walker.Ctes.UnionWith(aliases.Ctes);
            fragment.Accept(walker);
        }

        return walker;
    }

    /// <summary>A table source of a FROM clause: a contract view (its key), or the query's own rowset (null key).</summary>
    private sealed record Source(string Alias, string? View);

    private sealed class AliasCollector : TSqlFragmentVisitor
    {
        public HashSet<string> Aliases { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> Ctes { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void ExplicitVisit(SelectScalarExpression node)
        {
            if (node.ColumnName?.Value is { } alias)
            {
                Aliases.Add(alias);
            }

            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(CommonTableExpression node)
        {
            Ctes.Add(node.ExpressionName.Value);
            base.ExplicitVisit(node);
        }
    }

    private sealed class Walker : TSqlFragmentVisitor
    {
        private readonly SqlServerCatalogContract _contract;
        private readonly Stack<List<Source>> _scopes = new();

        public Walker(SqlServerCatalogContract contract)
        {
            _contract = contract;
        }

        public List<string> Problems { get; } = new();

        public HashSet<string> SelectAliases { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> Ctes { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> Named { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> Databases { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void ExplicitVisit(QuerySpecification node)
        {
            var sources = new List<Source>();
            foreach (var reference in node.FromClause?.TableReferences ?? (IList<TableReference>)Array.Empty<TableReference>())
            {
                Collect(reference, sources);
            }

            _scopes.Push(sources);
            base.ExplicitVisit(node);
            _scopes.Pop();
        }

        /// <summary>The sources of a FROM item, through joins and APPLY, but not into a derived table's own query.</summary>
        private void Collect(TableReference reference, List<Source> sources)
        {
            switch (reference)
            {
                case JoinTableReference join:
                    Collect(join.FirstTableReference, sources);
                    Collect(join.SecondTableReference, sources);
                    break;
                case JoinParenthesisTableReference parenthesis:
                    Collect(parenthesis.Join, sources);
                    break;
                case NamedTableReference named:
                    sources.Add(new Source(named.Alias?.Value ?? named.SchemaObject.BaseIdentifier.Value, View(named.SchemaObject, named)));
                    break;
                case SchemaObjectFunctionTableReference function:
                    sources.Add(new Source(function.Alias?.Value ?? function.SchemaObject.BaseIdentifier.Value, View(function.SchemaObject, function)));
                    break;
                case TableReferenceWithAlias aliased:
                    sources.Add(new Source(aliased.Alias?.Value ?? string.Empty, null));
                    break;
                default:
                    Problems.Add($"unexpected FROM item {reference.GetType().Name}");
                    break;
            }
        }

        /// <summary>The contract key of a named table, or null for a CTE; an unknown name is a problem.</summary>
        private string? View(SchemaObjectName name, TSqlFragment at)
        {
            if (name.SchemaIdentifier is null && Ctes.Contains(name.BaseIdentifier.Value))
            {
                return null;
            }

            if (name.DatabaseIdentifier?.Value is { } database)
            {
                Databases.Add(database);
            }

            var key = $"{name.SchemaIdentifier?.Value ?? "(no schema)"}.{name.BaseIdentifier.Value}";
            if (!_contract._views.ContainsKey(key))
            {
                Problems.Add($"line {at.StartLine}: {key} is not a view of the catalog contract");
                return null;
            }

            Named.Add(key);
            return key;
        }

        public override void ExplicitVisit(ColumnReferenceExpression node)
        {
            if (node.ColumnType != ColumnType.Regular || node.MultiPartIdentifier is not { Identifiers.Count: > 0 } id)
            {
                base.ExplicitVisit(node);
                return;
            }

            var column = id.Identifiers[^1].Value;
            if (id.Identifiers.Count > 1)
            {
                Qualified(id.Identifiers[^2].Value, column, node);
            }
            else
            {
                Unqualified(column, node);
            }

            base.ExplicitVisit(node);
        }

        private void Qualified(string alias, string column, TSqlFragment at)
        {
            // Inner scopes first: a correlated subquery may name an alias of the query around it.
            var source = _scopes.SelectMany(s => s).FirstOrDefault(s => string.Equals(s.Alias, alias, StringComparison.OrdinalIgnoreCase));
            if (source is null)
            {
                Problems.Add($"line {at.StartLine}: {alias}.{column} names an alias no FROM clause in scope defines");
                return;
            }

            if (source.View is { } view && !_contract._views[view].Columns.Contains(column))
            {
                Problems.Add($"line {at.StartLine}: {view} has no column {column} ({alias}.{column})");
            }
        }

        private void Unqualified(string column, TSqlFragment at)
        {
            foreach (var scope in _scopes)
            {
                if (scope.Any(s => s.View is { } view && _contract._views[view].Columns.Contains(column)) || scope.Any(s => s.View is null))
                {
                    return;
                }
            }

            if (!SelectAliases.Contains(column))
            {
                Problems.Add($"line {at.StartLine}: no view in scope has a column {column}");
            }
        }
    }
}
