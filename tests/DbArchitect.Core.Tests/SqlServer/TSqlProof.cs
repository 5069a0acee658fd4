using System.Text.RegularExpressions;
using DbArchitect.Core.Engines;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Tests.SqlServer;

/// <summary>
/// The proof without a server: every script, split into batches on GO lines, parses in Microsoft's T-SQL parser for
/// SQL Server 2022 (TSql160Parser), and a walk over the parsed fragments checks that every table a foreign key,
/// index, ALTER TABLE, trigger, full-text index or security policy names was created earlier in the script set, and
/// every column an index or constraint names exists in that table's CREATE TABLE.
/// </summary>
internal static partial class TSqlProof
{
    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();

    public static IReadOnlyList<string> Batches(string script) =>
        GoLine().Split(script).Where(b => b.Trim().Length > 0).ToList();

    /// <summary>Parse errors of every batch of a script, as "file batch N line L: message".</summary>
    public static List<string> ParseErrors(SqlScript script, List<TSqlFragment>? fragments = null)
    {
        var errors = new List<string>();
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var batches = Batches(script.Text);
        for (var i = 0; i < batches.Count; i++)
        {
            using var reader = new StringReader(batches[i]);
            var fragment = parser.Parse(reader, out var parseErrors);
            errors.AddRange(parseErrors.Select(e => $"{script.RelativePath} batch {i + 1} line {e.Line}: {e.Message}"));
            if (parseErrors.Count == 0)
            {
                fragments?.Add(fragment);
            }
        }

        return errors;
    }

    /// <summary>Semantic errors of the build scripts applied in order (names compared ignoring case, as SQL Server does).</summary>
    public static List<string> SemanticErrors(IEnumerable<SqlScript> buildScripts)
    {
        var visitor = new Checker();
        foreach (var script in buildScripts.OrderBy(s => s.Order))
        {
            var fragments = new List<TSqlFragment>();
            var errors = ParseErrors(script, fragments);
            if (errors.Count > 0)
            {
                return errors;
            }

            visitor.File = script.RelativePath;
            foreach (var fragment in fragments)
            {
                fragment.Accept(visitor);
            }
        }

        return visitor.Errors;
    }

    private sealed class Checker : TSqlFragmentVisitor
    {
        private readonly Dictionary<string, HashSet<string>> _tables = new(StringComparer.OrdinalIgnoreCase);

        public string File { get; set; } = string.Empty;

        public List<string> Errors { get; } = new();

        public int TablesCreated => _tables.Count;

        private static string Key(SchemaObjectName name) =>
            (name.SchemaIdentifier?.Value ?? "dbo") + "." + name.BaseIdentifier.Value;

        private HashSet<string>? Table(SchemaObjectName name, string what)
        {
            if (_tables.TryGetValue(Key(name), out var columns))
            {
                return columns;
            }

            Errors.Add($"{File}: {what} names table {Key(name)}, which no earlier CREATE TABLE created");
            return null;
        }

        private void Columns(HashSet<string>? table, IEnumerable<string> columns, string what)
        {
            if (table is null)
            {
                return;
            }

            foreach (var column in columns.Where(c => !table.Contains(c)))
            {
                Errors.Add($"{File}: {what} names column {column}, which its table does not have");
            }
        }

        public override void ExplicitVisit(CreateTableStatement node)
        {
            var columns = node.Definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!_tables.TryAdd(Key(node.SchemaObjectName), columns))
            {
                Errors.Add($"{File}: table {Key(node.SchemaObjectName)} is created twice");
            }

            foreach (var constraint in node.Definition.TableConstraints)
            {
                Constraint(columns, constraint, Key(node.SchemaObjectName));
            }

            foreach (var column in node.Definition.ColumnDefinitions)
            {
                foreach (var constraint in column.Constraints.OfType<CheckConstraintDefinition>())
                {
                    Columns(columns, ColumnsIn(constraint.CheckCondition), $"check on {column.ColumnIdentifier.Value}");
                }
            }
        }

        private void Constraint(HashSet<string> columns, ConstraintDefinition constraint, string table)
        {
            switch (constraint)
            {
                case UniqueConstraintDefinition unique:
                    Columns(columns, unique.Columns.Select(c => Last(c.Column)), $"{table} key {unique.ConstraintIdentifier?.Value}");
                    break;
                case CheckConstraintDefinition check:
                    Columns(columns, ColumnsIn(check.CheckCondition), $"{table} check {check.ConstraintIdentifier?.Value}");
                    break;
                case ForeignKeyConstraintDefinition fk:
                    Columns(columns, fk.Columns.Select(c => c.Value), $"{table} foreign key {fk.ConstraintIdentifier?.Value}");
                    Columns(Table(fk.ReferenceTableName, $"foreign key {fk.ConstraintIdentifier?.Value}"), fk.ReferencedTableColumns.Select(c => c.Value),
                        $"foreign key {fk.ConstraintIdentifier?.Value} (referenced)");
                    break;
            }
        }

        public override void ExplicitVisit(AlterTableAddTableElementStatement node)
        {
            var table = Table(node.SchemaObjectName, "ALTER TABLE");
            if (table is null)
            {
                return;
            }

            foreach (var constraint in node.Definition.TableConstraints)
            {
                Constraint(table, constraint, Key(node.SchemaObjectName));
            }
        }

        public override void ExplicitVisit(CreateIndexStatement node)
        {
            var table = Table(node.OnName, $"index {node.Name.Value}");
            Columns(table, node.Columns.Select(c => Last(c.Column)).Concat(node.IncludeColumns.Select(Last)), $"index {node.Name.Value}");
            if (node.FilterPredicate is not null)
            {
                Columns(table, ColumnsIn(node.FilterPredicate), $"filter of index {node.Name.Value}");
            }
        }

        public override void ExplicitVisit(CreateFullTextIndexStatement node)
        {
            var table = Table(node.OnName, "full-text index");
            Columns(table, node.FullTextIndexColumns.Select(c => c.Name.Value), "full-text index");
        }

        public override void ExplicitVisit(CreateTriggerStatement node)
        {
            var target = node.TriggerObject.Name;
            Table(target, $"trigger {node.Name.BaseIdentifier.Value}");
            Body(node.StatementList, target, $"trigger {node.Name.BaseIdentifier.Value}");
        }

        public override void ExplicitVisit(CreateOrAlterProcedureStatement node) =>
            Body(node.StatementList, null, $"procedure {node.ProcedureReference.Name.BaseIdentifier.Value}");

        /// <summary>Every aliased column of a body exists in the table its alias stands for (inserted/deleted: the trigger's table).</summary>
        private void Body(TSqlFragment? body, SchemaObjectName? triggerTable, string what)
        {
            if (body is null)
            {
                return;
            }

            var collector = new ReferenceCollector();
            body.Accept(collector);
            foreach (var name in collector.Tables.Values.Where(t => t.SchemaIdentifier is not null))
            {
                Table(name, what);
            }

            foreach (var (alias, column) in collector.Columns.Where(c => c.Alias is not null))
            {
                if (!collector.Tables.TryGetValue(alias!, out var name))
                {
                    continue;
                }

                var pseudo = name.SchemaIdentifier is null && name.BaseIdentifier.Value is "inserted" or "deleted";
                var table = pseudo ? (triggerTable is null ? null : Table(triggerTable, what)) : name.SchemaIdentifier is null ? null : Table(name, what);
                Columns(table, new[] { column }, $"{what} ({alias}.{column})");
            }
        }

        public override void ExplicitVisit(CreateSecurityPolicyStatement node)
        {
            foreach (var predicate in node.SecurityPredicateActions)
            {
                var table = Table(predicate.TargetObjectName, "security policy");
                if (predicate.SecurityPredicateType is SecurityPredicateType.Filter or SecurityPredicateType.Block
                    && predicate.FunctionCall is { } call)
                {
                    Columns(table, call.Parameters.SelectMany(ColumnsIn), "security policy predicate");
                }
            }
        }

        private static string Last(ColumnReferenceExpression column) => column.MultiPartIdentifier.Identifiers[^1].Value;

        private static IEnumerable<string> ColumnsIn(TSqlFragment fragment)
        {
            var collector = new ReferenceCollector();
            fragment.Accept(collector);
            return collector.Columns.Select(c => c.Column);
        }
    }

    private sealed class ReferenceCollector : TSqlFragmentVisitor
    {
        public List<(string? Alias, string Column)> Columns { get; } = new();

        public Dictionary<string, SchemaObjectName> Tables { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void ExplicitVisit(ColumnReferenceExpression node)
        {
            if (node.MultiPartIdentifier is { Identifiers.Count: > 0 } id && node.ColumnType == ColumnType.Regular)
            {
                Columns.Add((id.Identifiers.Count > 1 ? id.Identifiers[^2].Value : null, id.Identifiers[^1].Value));
            }

            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(NamedTableReference node)
        {
            Tables[node.Alias?.Value ?? node.SchemaObject.BaseIdentifier.Value] = node.SchemaObject;
            base.ExplicitVisit(node);
        }
    }
}
