using DbArchitect.Core.Migration;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Schema;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

public sealed partial class PostgreSqlMigrationPlanner
{
    private sealed partial class Planning
    {
        private void AddTable(Table table)
        {
            // The new table is created without foreign keys and catalog-text checks; those follow NOT VALID so that no
            // lock is taken on a referenced table inside the creating transaction.
            var writer = new W();
            PostgreSqlTableDdl.WriteTable(writer, _schema, table with { Checks = table.Checks.Where(c => c.Expression is null).ToArray(), Indexes = Array.Empty<Model.Index>() });
            var security = TableSecurity(table);
            _expand.Add(Step(MigrationPhase.Expand, table.Name, $"Create table {table.Name}",
                writer.Finish().TrimEnd('\n') + string.Concat(security.Select(s => "\n" + s + ";")),
                "none on existing tables", true, $"DROP TABLE IF EXISTS {Q(table.Name)};", MigrationRisk.Low,
                security.Count == 0 ? "A new table blocks nobody." : "A new table blocks nobody; its owner, grants, row-level security and policies are set in the same transaction, so it is never reachable without them."));
            foreach (var check in table.Checks.Where(c => c.Expression is not null))
            {
                AddValidated(table.Name, check.Name, $"CHECK ({check.Expression})", "check", "ACCESS EXCLUSIVE, catalog change only");
                CommentCheck(table.Name, check);
            }

            foreach (var index in table.Indexes)
            {
                CreateIndexConcurrently(table.Name, IndexSql(index, table), index.Name, index.Reason);
            }

            foreach (var fk in table.ForeignKeys)
            {
                AddForeignKey(table.Name, fk);
            }
        }

        private string IndexSql(Model.Index index, Table table) =>
            index.Definition ?? PostgreSqlIndexDdl.CreateIndex(index, table, Q(table.Name));

        private void AddForeignKey(string table, ForeignKey fk)
        {
            AddValidated(table, fk.Name,
                $"FOREIGN KEY ({W.IdList(fk.Columns)}) REFERENCES {Q(fk.ReferencedTable)} ({W.IdList(fk.ReferencedColumns)}) ON DELETE {PostgreSqlForeignKeyDdl.DeleteAction(fk)}",
                "foreign key", "SHARE ROW EXCLUSIVE on both tables, catalog change only");
            if (!string.IsNullOrEmpty(fk.Reason))
            {
                Comment(table, $"COMMENT ON CONSTRAINT {W.Id(fk.Name)} ON {Q(table)} IS {W.String(fk.Reason)}", $"COMMENT ON CONSTRAINT {W.Id(fk.Name)} ON {Q(table)} IS NULL", "foreign key comment", onNewObject: true);
            }
        }

        private string CheckSql(CheckConstraint check, Table table) =>
            check.Expression ?? PostgreSqlExpressions.Check(check, table.FindColumn(check.Column)
                ?? throw new InvalidOperationException($"Check {check.Name} names column {check.Column}, which table {table.Name} does not have."));

        private void AddConstraintChange(SchemaDifference d)
        {
            var table = d.Change == DifferenceChange.Removed ? null : Wanted(d.Table);
            var name = d.Name!;
            if (d.Property == DifferenceProperty.Comment)
            {
                Comment(d.Table, $"COMMENT ON CONSTRAINT {W.Id(name)} ON {Q(d.Table)} IS {Text(d.DifferenceValue)}",
                    $"COMMENT ON CONSTRAINT {W.Id(name)} ON {Q(d.Table)} IS {Text(d.ReferenceValue)}", "constraint comment");
                return;
            }

            if (d is { ObjectKind: SchemaObjectKind.Check, Change: DifferenceChange.Changed })
            {
                if (_replaced.Add(d.Path))
                {
                    ReplaceCheck(d);
                }

                return;
            }

            if (d.Change is DifferenceChange.Removed or DifferenceChange.Changed)
            {
                var phase = d.Change == DifferenceChange.Removed ? _contract : _online;
                phase.Add(Strong(d.Change == DifferenceChange.Removed ? MigrationPhase.Contract : MigrationPhase.Expand, d.Table, $"Drop {d.ObjectKind} {name}",
                    new[] { $"ALTER TABLE {Q(d.Table)} DROP CONSTRAINT IF EXISTS {W.Id(name)}" }, null, MigrationRisk.Low,
                    "Dropping a constraint is a catalog change; the data stays."));
                if (d.Change == DifferenceChange.Removed)
                {
                    return;
                }
            }

            switch (d.ObjectKind)
            {
                case SchemaObjectKind.ForeignKey:
                    AddForeignKey(d.Table, table!.ForeignKeys.Single(f => f.Name == name));
                    break;
                case SchemaObjectKind.Check:
                    var check = table!.Checks.Single(c => c.Name == name);
                    AddValidated(d.Table, name, $"CHECK ({CheckSql(check, table)})", "check", "ACCESS EXCLUSIVE, catalog change only");
                    CommentCheck(d.Table, check);
                    break;
                case SchemaObjectKind.UniqueKey:
                    var unique = table!.UniqueKeys.Single(u => u.Name == name);
                    AddKeyUsingIndex(d.Table, name, "UNIQUE", unique.Columns, unique.Reason);
                    break;
                case SchemaObjectKind.PrimaryKey:
                    AddKeyUsingIndex(d.Table, name, "PRIMARY KEY", table!.PrimaryKey.Columns, null);
                    break;
            }
        }

        /// <summary>A unique or primary key: the unique index is built CONCURRENTLY, then attached to the constraint (catalog only).</summary>
        private void AddKeyUsingIndex(string table, string name, string kind, IReadOnlyList<string> columns, string? comment)
        {
            CreateIndexConcurrently(table, $"CREATE UNIQUE INDEX {W.Id(name)} ON {Q(table)} ({W.IdList(columns)})", name, null);
            _tighten.Add(Strong(MigrationPhase.Tighten, table, $"Attach {kind} {name} to its index",
                new[] { $"ALTER TABLE {Q(table)} ADD CONSTRAINT {W.Id(name)} {kind} USING INDEX {W.Id(name)}" },
                $"ALTER TABLE {Q(table)} DROP CONSTRAINT IF EXISTS {W.Id(name)}", MigrationRisk.Low,
                "USING INDEX reuses the index built concurrently, so the constraint needs no scan under a strong lock."));
            if (!string.IsNullOrEmpty(comment))
            {
                Comment(table, $"COMMENT ON CONSTRAINT {W.Id(name)} ON {Q(table)} IS {W.String(comment)}", $"COMMENT ON CONSTRAINT {W.Id(name)} ON {Q(table)} IS NULL", "unique key comment", onNewObject: true);
            }
        }

        private void AddIndexChange(SchemaDifference d)
        {
            var name = d.Name!;
            if (d.Property == DifferenceProperty.Comment)
            {
                Comment(d.Table, $"COMMENT ON INDEX {Q(name)} IS {Text(d.DifferenceValue)}", $"COMMENT ON INDEX {Q(name)} IS {Text(d.ReferenceValue)}", "index comment");
                return;
            }

            if (d.Change == DifferenceChange.Removed || d.Change == DifferenceChange.Changed)
            {
                var old = Existing(d.Table);
                var oldIndex = old.Indexes.Single(i => i.Name == name);
                _contract.Add(Step(MigrationPhase.Contract, d.Table, $"Drop index {name} concurrently", $"DROP INDEX CONCURRENTLY IF EXISTS {Q(name)};",
                    "SHARE UPDATE EXCLUSIVE (reads and writes continue)", false,
                    IndexSql(oldIndex, old).Replace("INDEX ", "INDEX CONCURRENTLY IF NOT EXISTS ", StringComparison.Ordinal) + ";", MigrationRisk.Low,
                    "CONCURRENTLY waits for running queries instead of blocking new ones."));
            }

            if (d.Change == DifferenceChange.Added || d.Change == DifferenceChange.Changed)
            {
                var table = Wanted(d.Table);
                var index = table.Indexes.Single(i => i.Name == name);
                if (d.Change == DifferenceChange.Changed)
                {
                    // The new shape is built under a temporary name first, so queries keep an index throughout.
                    var temporary = Name(name + "_new");
                    CreateIndexConcurrently(d.Table, IndexSql(index with { Name = temporary, Definition = null }, table), temporary, null);
                    _contract.Add(Step(MigrationPhase.Contract, d.Table, $"Rename index {temporary} to {name}", $"ALTER INDEX {Q(temporary)} RENAME TO {W.Id(name)};",
                        "SHARE UPDATE EXCLUSIVE on the index (catalog only)", true, null, MigrationRisk.Low, "Puts the rebuilt index under its designed name."));
                    if (!string.IsNullOrEmpty(index.Reason))
                    {
                        _contract.Add(Step(MigrationPhase.Contract, d.Table, $"Comment index {name}", $"COMMENT ON INDEX {Q(name)} IS {W.String(index.Reason)};",
                            "SHARE UPDATE EXCLUSIVE (catalog only)", true, null, MigrationRisk.Low, "The index comment says which access pattern it serves."));
                    }
                }
                else
                {
                    CreateIndexConcurrently(d.Table, IndexSql(index, table), name, index.Reason);
                }
            }
        }
    }
}
