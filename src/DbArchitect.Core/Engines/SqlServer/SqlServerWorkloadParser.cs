using System.Text.RegularExpressions;
using DbArchitect.Core.Indexing;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// Turns a T-SQL workload into scans with Microsoft's own parser (TSql160Parser) against a catalog, since no SQL Server
/// is there to explain it: aliases and unqualified columns are resolved against the catalog's tables (SQL Server's
/// default collation compares names case-insensitively), subqueries and CTEs become scans of their own, correlated and
/// join equalities become join keys. A statement naming a table or column the catalog lacks is skipped with the name.
/// </summary>
internal sealed partial class SqlServerWorkloadParser : IWorkloadParser
{
    public ParsedWorkload Parse(IReadOnlyList<WorkloadStatement> statements, SchemaModel catalog)
    {
        var queries = new List<WorkloadQuery>();
        var writes = new List<WorkloadWrite>();
        var notes = new List<string>();
        foreach (var statement in statements)
        {
            var parser = new TSql160Parser(initialQuotedIdentifiers: true);
            using var reader = new StringReader(LeadingGo().Replace(statement.Text, string.Empty));
            var fragment = parser.Parse(reader, out var errors);
            if (errors.Count > 0 || fragment is not TSqlScript script)
            {
                notes.Add($"warning: {statement.Id} ({statement.Source}) skipped: it does not parse as T-SQL: {(errors.Count > 0 ? errors[0].Message : "no statement")}");
                continue;
            }

            foreach (var parsed in script.Batches.SelectMany(b => b.Statements))
            {
                try
                {
                    var reading = new StatementReader(catalog);
                    if (!reading.Read(parsed))
                    {
                        notes.Add($"{statement.Id} ({statement.Source}): a {parsed.GetType().Name.Replace("Statement", string.Empty, StringComparison.Ordinal)} statement reads no table; not part of the index workload.");
                        continue;
                    }

                    var scans = reading.Scans();
                    if (scans.Count > 0 && reading.Reads)
                    {
                        queries.Add(new WorkloadQuery(statement.Id, statement.Text, statement.Weight, scans, statement.Source));
                    }

                    writes.AddRange(reading.Writes.Select(w => new WorkloadWrite(w.Table, w.Kind, w.Columns, statement.Weight, $"{statement.Id} ({statement.Source})")));
                }
                catch (UnknownNameException ex)
                {
                    notes.Add($"warning: {statement.Id} ({statement.Source}) skipped: {ex.Message}; the catalog is the source of truth, so nothing is guessed.");
                }
            }
        }

        return new ParsedWorkload(queries, writes, notes);
    }

    [GeneratedRegex(@"^\s*(GO\s+)+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingGo();

    private sealed class UnknownNameException : Exception
    {
        public UnknownNameException(string message) : base(message)
        {
        }
    }

    /// <summary>One table occurrence in a statement (or a derived table / CTE whose columns are not the catalog's).</summary>
    private sealed class Source
    {
        public Source(Table? table) => Table = table;

        public Table? Table { get; }

        public List<ScanPredicate> Predicates { get; } = new();

        public List<SortKey> OrderBy { get; } = new();

        public List<string> GroupBy { get; } = new();

        public List<string> Projected { get; } = new();

        public int? Limit { get; set; }

        public bool All { get; set; }

        public string Column(string name) =>
            Table!.Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))?.Name
            ?? throw new UnknownNameException($"column '{name}' is not in table '{Table.Name}' of the catalog");

        public bool Has(string name) => Table is not null && Table.Columns.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

        public void Touch(string column)
        {
            if (!Projected.Contains(column, StringComparer.Ordinal))
            {
                Projected.Add(column);
            }
        }
    }

    private sealed class Scope
    {
        public Scope(Scope? outer) => Outer = outer;

        public Scope? Outer { get; }

        public Dictionary<string, Source> Sources { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> Aliases { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    private sealed record Write(string Table, WriteKind Kind, IReadOnlyList<string> Columns);

    /// <summary>Column references of an expression, not descending into subqueries (each is read in its own scope).</summary>
    private sealed class References : TSqlFragmentVisitor
    {
        public List<ColumnReferenceExpression> Columns { get; } = new();

        public List<ScalarSubquery> Subqueries { get; } = new();

        public override void ExplicitVisit(ColumnReferenceExpression node) => Columns.Add(node);

        public override void ExplicitVisit(ScalarSubquery node) => Subqueries.Add(node);

        public static References Of(TSqlFragment fragment)
        {
            var references = new References();
            fragment.Accept(references);
            return references;
        }
    }
}
