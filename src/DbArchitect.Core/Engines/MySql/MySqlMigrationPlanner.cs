using System.Globalization;
using System.Text.RegularExpressions;
using DbArchitect.Core.Design;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Migration;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Schema;
using W = DbArchitect.Core.Engines.MySql.MySqlWriter;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// MySQL 8 / MariaDB 10.11 migration idioms: every ALTER names ALGORITHM=INSTANT or INPLACE with LOCK=NONE (the
/// server refuses instead of blocking writers), waits for the metadata lock at most lock_wait_timeout and is retried;
/// foreign keys are added without checking (foreign_key_checks = 0, in place) and then verified by a query; volatile
/// values are backfilled in committed keyset batches; a type change that would copy the table goes through a new
/// column kept in step by triggers. DDL commits implicitly, so no step shares a transaction.
/// </summary>
public sealed partial class MySqlMigrationPlanner : IMigrationPlanner
{
    private readonly MySqlDialect _dialect;

    public MySqlMigrationPlanner(MySqlDialect dialect) => _dialect = dialect ?? throw new ArgumentNullException(nameof(dialect));

    public string Frame(string title, IReadOnlyList<MigrationStep> steps, bool transactional, MigrationOptions options) =>
        W.MigrationFile(_dialect, title, steps, options);

    public IReadOnlyList<MigrationStep> Plan(SchemaComparison comparison, IReadOnlyList<SchemaDifference> differences, MigrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(differences);
        var plan = new Planning(comparison, options, _dialect);
        foreach (var difference in differences)
        {
            plan.Add(difference);
        }

        return plan.Steps();
    }

    private sealed partial class Planning
    {
        private readonly SchemaComparison _comparison;
        private readonly MigrationOptions _options;
        private readonly MySqlDialect _dialect;
        private readonly List<MigrationStep> _expand = new();
        private readonly List<MigrationStep> _indexes = new();
        private readonly List<MigrationStep> _constraints = new();
        private readonly List<MigrationStep> _backfill = new();
        private readonly List<MigrationStep> _tighten = new();
        private readonly List<MigrationStep> _contract = new();
        private readonly List<MigrationStep> _destructive = new();
        private readonly HashSet<string> _replaced = new(StringComparer.Ordinal);
        private int _procedures;

        public Planning(SchemaComparison comparison, MigrationOptions options, MySqlDialect dialect)
        {
            _comparison = comparison;
            _options = options;
            _dialect = dialect;
        }

        public IReadOnlyList<MigrationStep> Steps() =>
            _expand.Concat(_indexes).Concat(_constraints).Concat(_backfill).Concat(_tighten).Concat(_contract).Concat(_destructive).ToArray();

        private Table Wanted(string table) => _comparison.Difference.FindTable(table)
            ?? throw new InvalidOperationException($"Table {table} is not in the difference schema.");

        private Table Existing(string table) =>
            _comparison.Reference.Tables.FirstOrDefault(t => _comparison.Renames.TableIn(t.Name) == table)
            ?? throw new InvalidOperationException($"Table {table} is not in the reference schema.");

        private string ProcedureName(string purpose) =>
            IdentifierShortener.Shorten($"dbarchitect_{(++_procedures).ToString(CultureInfo.InvariantCulture)}_{purpose}", MySqlIdentifiers.MaxIdentifierCharacters);

        private string Lock(string algorithm) =>
            $"metadata lock briefly ({algorithm}{(algorithm == "ALGORITHM=INSTANT" ? ", or INPLACE with LOCK=NONE where the server cannot" : string.Empty)}{(algorithm.Contains("INSTANT", StringComparison.Ordinal) || algorithm.Contains("LOCK=NONE", StringComparison.Ordinal) ? "; LOCK=SHARED (writes wait for the rebuild or copy) only where the server cannot work online (indexed virtual columns)" : string.Empty)}); lock_wait_timeout {W.Seconds(_options.LockTimeout)} s, up to {_options.LockRetries} attempts";

        private MigrationStep Alter(MigrationPhase phase, string table, string description, string clauses, string algorithm, string? rollback, MigrationRisk risk, string reason)
        {
            var statement = $"ALTER TABLE {W.Id(table)} {clauses}, {algorithm}";
            return new MigrationStep(0, phase, table, description, W.Retry(ProcedureName("alter"), new[] { statement }, _options), Lock(algorithm), false,
                rollback, risk, false, reason) { Statements = new[] { statement } };
        }

        private MigrationStep Plain(MigrationPhase phase, string table, string description, string sql, string lockTaken, string? rollback, MigrationRisk risk, string reason) =>
            new(0, phase, table, description, sql, lockTaken, false, rollback, risk, false, reason);

        public void Add(SchemaDifference d)
        {
            switch (d.ObjectKind, d.Change)
            {
                case (SchemaObjectKind.Table, DifferenceChange.Added):
                    AddTable(Wanted(d.Table));
                    break;
                case (SchemaObjectKind.Table, DifferenceChange.Removed):
                    _destructive.Add(Plain(MigrationPhase.Destructive, d.Table, $"Drop table {d.Table}", $"DROP TABLE IF EXISTS {W.Id(d.Table)};",
                        "metadata lock", null, MigrationRisk.High, "Every row of the table is lost. Restore from a backup to undo.") with { LosesData = true });
                    break;
                case (SchemaObjectKind.Table, DifferenceChange.Renamed):
                    _expand.Add(Plain(MigrationPhase.Expand, d.Table, $"Rename table {d.ReferenceValue} to {d.DifferenceValue}",
                        $"RENAME TABLE {W.Id(d.ReferenceValue!)} TO {W.Id(d.DifferenceValue!)};", "metadata lock briefly",
                        $"RENAME TABLE {W.Id(d.DifferenceValue!)} TO {W.Id(d.ReferenceValue!)};", MigrationRisk.High,
                        "Explicit rename hint; clients that use the old name break, so deploy them together."));
                    break;
                case (SchemaObjectKind.Table, DifferenceChange.Changed):
                    _expand.Add(Alter(MigrationPhase.Expand, d.Table, "Set table comment",
                        "COMMENT = " + W.Comment(d.DifferenceValue ?? string.Empty, MySqlTableDdl.TableCommentMax), "ALGORITHM=INSTANT", null, MigrationRisk.Low,
                        "A comment is metadata only."));
                    break;
                case (SchemaObjectKind.Column, _):
                    AddColumnChange(d);
                    break;
                case (SchemaObjectKind.Index, _):
                case (SchemaObjectKind.UniqueKey, _):
                    AddIndexChange(d);
                    break;
                default:
                    AddConstraintChange(d);
                    break;
            }
        }

        private void AddTable(Table table)
        {
            var model = new SchemaModel(_comparison.Difference.Name, _comparison.Difference.Schema, new[] { table with { ForeignKeys = Array.Empty<ForeignKey>(), Indexes = Array.Empty<Model.Index>() } }, Array.Empty<string>());
            var writer = new W();
            MySqlTableDdl.Write(writer, model, _dialect);
            _expand.Add(Plain(MigrationPhase.Expand, table.Name, $"Create table {table.Name}", writer.Finish().Trim('\n'), "none on existing tables",
                $"DROP TABLE IF EXISTS {W.Id(table.Name)};", MigrationRisk.Low, "A new table blocks nobody."));
            foreach (var plan in MySqlIndexDdl.Plan(table, _dialect).Where(p => p.Sql is not null))
            {
                CreateIndex(table.Name, plan.Index.Name, plan.Sql!);
            }

            foreach (var fk in table.ForeignKeys)
            {
                AddForeignKey(table.Name, fk);
            }
        }

        private void CreateIndex(string table, string name, string createSql)
        {
            var fullText = createSql.StartsWith("CREATE FULLTEXT", StringComparison.Ordinal);
            var sql = _dialect.IsMariaDb ? Regex.Replace(createSql, "^CREATE (UNIQUE |FULLTEXT )?INDEX ", "CREATE $1INDEX IF NOT EXISTS ") : createSql;
            var algorithm = fullText ? "ALGORITHM=INPLACE LOCK=SHARED" : "ALGORITHM=INPLACE LOCK=NONE";
            _indexes.Add(Plain(MigrationPhase.Expand, table, $"Create index {name} in place", $"{sql} {algorithm};",
                fullText ? "SHARED: reads continue, writes wait while a FULLTEXT index builds" : "none: reads and writes continue (LOCK=NONE)",
                $"DROP INDEX {(_dialect.IsMariaDb ? "IF EXISTS " : string.Empty)}{W.Id(name)} ON {W.Id(table)};", fullText ? MigrationRisk.High : MigrationRisk.Medium,
                fullText ? "InnoDB cannot build a FULLTEXT index with LOCK=NONE; schedule it when writes are few." : "InnoDB builds the index online; LOCK=NONE makes the server refuse rather than block writers."));
        }

        /// <summary>
        /// Added in place without checking existing rows (the NOT VALID of these servers), then verified by a query
        /// that fails the migration if any row has no parent.
        /// </summary>
        private void AddForeignKey(string table, ForeignKey fk)
        {
            var clauses = $"ADD CONSTRAINT {W.Id(fk.Name)} FOREIGN KEY ({W.IdList(fk.Columns)}) REFERENCES {W.Id(fk.ReferencedTable)} ({W.IdList(fk.ReferencedColumns)}) ON DELETE {MySqlForeignKeyDdl.DeleteRule(fk)}";
            var add = Alter(MigrationPhase.Expand, table, $"Add foreign key {fk.Name} without checking existing rows", clauses, "ALGORITHM=INPLACE, LOCK=NONE",
                $"ALTER TABLE {W.Id(table)} DROP FOREIGN KEY {W.Id(fk.Name)};", MigrationRisk.Low,
                "With foreign_key_checks = 0 InnoDB adds the key in place without a copy; new writes are checked at once.");
            _constraints.Add(add with { Sql = "SET SESSION foreign_key_checks = 0;\n" + add.Sql + "SET SESSION foreign_key_checks = 1;\n" });
            var join = string.Join(" AND ", fk.Columns.Zip(fk.ReferencedColumns, (c, r) => $"p.{W.Id(r)} = c.{W.Id(c)}"));
            var present = string.Join(" AND ", fk.Columns.Select(c => $"c.{W.Id(c)} IS NOT NULL"));
            var body = $"    IF EXISTS (SELECT 1 FROM {W.Id(table)} AS c LEFT JOIN {W.Id(fk.ReferencedTable)} AS p ON {join} WHERE {present} AND p.{W.Id(fk.ReferencedColumns[0])} IS NULL) THEN\n"
                + $"        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = {W.String($"{table}.{fk.Name}: rows without a parent row; fix them and rerun")};\n    END IF;\n";
            _tighten.Add(Plain(MigrationPhase.Tighten, table, $"Verify foreign key {fk.Name}", W.Procedure(ProcedureName("verify"), body),
                "none: a consistent read", null, MigrationRisk.Medium, "Proves the existing rows satisfy the key that was added unchecked."));
        }

        private void AddConstraintChange(SchemaDifference d)
        {
            var name = d.Name!;
            if (d.Property == DifferenceProperty.Comment)
            {
                return; // The servers keep no comments on constraints.
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
                var drop = d.ObjectKind switch
                {
                    SchemaObjectKind.ForeignKey => $"DROP FOREIGN KEY {W.Id(name)}",
                    SchemaObjectKind.PrimaryKey => "DROP PRIMARY KEY",
                    _ => $"DROP CONSTRAINT {W.Id(name)}",
                };
                (d.Change == DifferenceChange.Removed ? _contract : _constraints).Add(Alter(d.Change == DifferenceChange.Removed ? MigrationPhase.Contract : MigrationPhase.Expand,
                    d.Table, $"Drop {d.ObjectKind} {name}", drop, d.ObjectKind == SchemaObjectKind.PrimaryKey ? "ALGORITHM=INPLACE, LOCK=NONE" : "ALGORITHM=INSTANT",
                    null, MigrationRisk.Low, "Dropping a constraint keeps the data."));
                if (d.Change == DifferenceChange.Removed)
                {
                    return;
                }
            }

            var table = Wanted(d.Table);
            switch (d.ObjectKind)
            {
                case SchemaObjectKind.ForeignKey:
                    AddForeignKey(d.Table, table.ForeignKeys.Single(f => f.Name == name));
                    break;
                case SchemaObjectKind.Check:
                    AddCheck(d.Table, table.Checks.Single(c => c.Name == name), table);
                    break;
                case SchemaObjectKind.PrimaryKey:
                    _constraints.Add(Alter(MigrationPhase.Expand, d.Table, "Add the primary key", $"ADD PRIMARY KEY ({W.IdList(table.PrimaryKey.Columns)})",
                        "ALGORITHM=INPLACE, LOCK=NONE", null, MigrationRisk.Medium, "InnoDB rebuilds the table online around the new clustered key."));
                    break;
            }
        }

        private void AddIndexChange(SchemaDifference d)
        {
            var name = d.Name!;
            if (d.Property == DifferenceProperty.Comment)
            {
                return; // An index comment changes only by rebuilding the index: not worth a rebuild.
            }

            if (d.Change is DifferenceChange.Removed or DifferenceChange.Changed)
            {
                _contract.Add(Alter(MigrationPhase.Contract, d.Table, $"Drop index {name}", $"DROP INDEX {W.Id(name)}", "ALGORITHM=INSTANT", null, MigrationRisk.Low,
                    "Dropping a secondary index is metadata only in InnoDB."));
            }

            if (d.Change is DifferenceChange.Added or DifferenceChange.Changed)
            {
                var table = Wanted(d.Table);
                if (d.ObjectKind == SchemaObjectKind.UniqueKey)
                {
                    var unique = table.UniqueKeys.Single(u => u.Name == name);
                    CreateIndex(d.Table, name, $"CREATE UNIQUE INDEX {W.Id(name)} ON {W.Id(d.Table)} ({W.IdList(unique.Columns)})");
                    return;
                }

                var plan = MySqlIndexDdl.Plan(table, _dialect).Single(p => p.Index.Name == name);
                if (plan.Sql is not null)
                {
                    CreateIndex(d.Table, name, plan.Sql);
                }
            }
        }
    }
}
