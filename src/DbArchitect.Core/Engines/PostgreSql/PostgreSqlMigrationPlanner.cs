using DbArchitect.Core.Design;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Migration;
using DbArchitect.Core.Model;
using DbArchitect.Core.Schema;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// PostgreSQL 15 migration idioms. Every strong lock is taken in its own short transaction with lock_timeout and
/// retries; indexes are built CONCURRENTLY; foreign keys, checks and NOT NULL are added NOT VALID and validated
/// afterwards (a scan that blocks no writer); volatile values are backfilled in committed keyset batches; a type
/// change that would rewrite the table goes through a new column kept in step by a trigger.
/// </summary>
public sealed partial class PostgreSqlMigrationPlanner : IMigrationPlanner
{
    private const int MaxName = 63;

    public string Frame(string title, IReadOnlyList<MigrationStep> steps, bool transactional, MigrationOptions options) =>
        W.MigrationFile(title, steps, transactional, options);

    public IReadOnlyList<MigrationStep> Plan(SchemaComparison comparison, IReadOnlyList<SchemaDifference> differences, MigrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(differences);
        ArgumentNullException.ThrowIfNull(options);
        var plan = new Planning(comparison, options);
        foreach (var difference in differences)
        {
            plan.Add(difference);
        }

        return plan.Steps();
    }

    /// <summary>The steps of one plan, gathered per stage so the order is expand → backfill → tighten → contract.</summary>
    private sealed partial class Planning
    {
        private readonly SchemaComparison _comparison;
        private readonly MigrationOptions _options;
        private readonly string _schema;
        private readonly List<MigrationStep> _renames = new();
        private readonly List<MigrationStep> _expand = new();
        private readonly List<MigrationStep> _online = new();
        private readonly List<MigrationStep> _backfill = new();
        private readonly List<MigrationStep> _tighten = new();
        private readonly List<MigrationStep> _contract = new();
        private readonly List<MigrationStep> _destructive = new();
        private readonly HashSet<string> _replaced = new(StringComparer.Ordinal);

        public Planning(SchemaComparison comparison, MigrationOptions options)
        {
            _comparison = comparison;
            _options = options;
            _schema = comparison.Reference.Schema;
        }

        public IReadOnlyList<MigrationStep> Steps() =>
            _renames.Concat(_expand).Concat(_online).Concat(_backfill).Concat(_tighten).Concat(_contract).Concat(_destructive).ToArray();

        public void Add(SchemaDifference d)
        {
            switch (d.ObjectKind, d.Change)
            {
                case (SchemaObjectKind.Table, DifferenceChange.Added):
                    AddTable(Wanted(d.Table));
                    break;
                case (SchemaObjectKind.Table, DifferenceChange.Removed):
                    Destroy(d.Table, $"Drop table {d.Table}", $"DROP TABLE IF EXISTS {Q(d.Table)}", "Every row of the table is lost.");
                    break;
                case (SchemaObjectKind.Table, DifferenceChange.Renamed):
                    _renames.Add(Strong(MigrationPhase.Expand, d.Table, $"Rename table {d.ReferenceValue} to {d.DifferenceValue}",
                        new[] { $"ALTER TABLE {Q(d.ReferenceValue!)} RENAME TO {W.Id(d.DifferenceValue!)}" },
                        $"ALTER TABLE {Q(d.DifferenceValue!)} RENAME TO {W.Id(d.ReferenceValue!)}", MigrationRisk.High,
                        "Explicit rename hint; clients that use the old name break, so deploy them together."));
                    break;
                case (SchemaObjectKind.Table, DifferenceChange.Changed) when d.Property == DifferenceProperty.RowSecurity:
                    AddRowSecurityChange(d);
                    break;
                case (SchemaObjectKind.Policy, _):
                    AddPolicyChange(d);
                    break;
                case (SchemaObjectKind.Sequence, _):
                    AddSequenceChange(d);
                    break;
                case (SchemaObjectKind.Table, DifferenceChange.Changed):
                    Comment(d.Table, $"COMMENT ON TABLE {Q(d.Table)} IS {Text(d.DifferenceValue)}", $"COMMENT ON TABLE {Q(d.Table)} IS {Text(d.ReferenceValue)}", "table comment");
                    break;
                case (SchemaObjectKind.Column, _):
                    AddColumnChange(d);
                    break;
                case (SchemaObjectKind.Index, _):
                    AddIndexChange(d);
                    break;
                default:
                    AddConstraintChange(d);
                    break;
            }
        }

        // ---- lookups ------------------------------------------------------------------------------------------------

        private Table Wanted(string table) => _comparison.Difference.FindTable(table)
            ?? throw new InvalidOperationException($"Table {table} is not in the difference schema.");

        private Table Existing(string table) =>
            _comparison.Reference.Tables.FirstOrDefault(t => _comparison.Renames.TableIn(t.Name) == table)
            ?? throw new InvalidOperationException($"Table {table} is not in the reference schema.");

        private string Q(string table) => W.Qualified(_schema, table);

        private static string Text(string? comment) => comment is null ? "NULL" : W.String(comment);

        private static string Name(string name) => IdentifierShortener.Shorten(name, MaxName);

        /// <summary>
        /// A statement a generic linter rule flags although this use of it is safe, preceded by squawk's ignore comment
        /// with the reason, so the waiver is visible to reviewers and to squawk (Test-DbMigrationScript reads it too).
        /// </summary>
        private static string Waived(string rules, string reason, string statement) => $"-- squawk-ignore {rules} -- {reason}\n{statement}";

        // ---- step makers --------------------------------------------------------------------------------------------

        private MigrationStep Step(MigrationPhase phase, string table, string description, string sql, string lockTaken, bool transactional,
            string? rollback, MigrationRisk risk, string reason) =>
            new(0, phase, table, description, sql, lockTaken, transactional, rollback, risk, false, reason);

        /// <summary>A step that takes ACCESS EXCLUSIVE (or SHARE ROW EXCLUSIVE) briefly: wrapped in the retry block, alone in its transaction.</summary>
        private MigrationStep Strong(MigrationPhase phase, string table, string description, IReadOnlyList<string> statements, string? rollback,
            MigrationRisk risk, string reason, string lockTaken = "ACCESS EXCLUSIVE, catalog change only") =>
            Step(phase, table, description, W.Retry(statements, _options),
                $"{lockTaken}; lock_timeout {W.Milliseconds(_options.LockTimeout)}, up to {_options.LockRetries} attempts",
                false, rollback is null ? null : W.Retry(new[] { rollback }, _options), risk, reason) with { Statements = statements };

        /// <summary>A comment on an existing object (expand) or on one this plan creates later (after it, in the tighten phase).</summary>
        private void Comment(string table, string sql, string rollback, string what, bool onNewObject = false) =>
            (onNewObject ? _tighten : _expand).Add(Step(onNewObject ? MigrationPhase.Tighten : MigrationPhase.Expand, table, "Set " + what, sql + ";",
                "SHARE UPDATE EXCLUSIVE (catalog only)", true, rollback + ";", MigrationRisk.Low, "Comments carry the design's reasons into the catalog."));

        private void Destroy(string table, string description, string sql, string reason) =>
            _destructive.Add(Step(MigrationPhase.Destructive, table, description, W.Retry(new[] { sql }, _options),
                    $"ACCESS EXCLUSIVE; lock_timeout {W.Milliseconds(_options.LockTimeout)}, up to {_options.LockRetries} attempts", false, null, MigrationRisk.High,
                    reason + " Restore from a backup to undo.")
                with { LosesData = true, Statements = new[] { sql } });

        /// <summary>NOT VALID first (no scan, brief lock), then VALIDATE (scans under SHARE UPDATE EXCLUSIVE, writers keep going).</summary>
        private void AddValidated(string table, string name, string definition, string kind, string lockTaken, bool afterBackfill = false)
        {
            // A NOT VALID constraint still checks every row an UPDATE writes, so one that the backfill must satisfy is
            // added only after the backfill.
            (afterBackfill ? _tighten : _online).Add(Strong(afterBackfill ? MigrationPhase.Tighten : MigrationPhase.Expand, table, $"Add {kind} {name} NOT VALID",
                new[] { $"ALTER TABLE {Q(table)} ADD CONSTRAINT {W.Id(name)} {definition} NOT VALID" },
                $"ALTER TABLE {Q(table)} DROP CONSTRAINT IF EXISTS {W.Id(name)}", MigrationRisk.Low,
                $"NOT VALID skips the check of existing rows, so the lock lasts a catalog update; new writes are checked at once.", lockTaken));
            _tighten.Add(Step(MigrationPhase.Tighten, table, $"Validate {kind} {name}", $"ALTER TABLE {Q(table)} VALIDATE CONSTRAINT {W.Id(name)};",
                "SHARE UPDATE EXCLUSIVE (reads and writes continue during the scan)", true, null, MigrationRisk.Medium,
                "Checks the existing rows without blocking writers; fails (and can be rerun) if a row breaks the rule."));
        }

        private void CreateIndexConcurrently(string table, string createSql, string name, string? comment)
        {
            var sql = createSql.Replace("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ", StringComparison.Ordinal);
            if (ReferenceEquals(sql, createSql) || sql == createSql)
            {
                sql = createSql.Replace("CREATE INDEX ", "CREATE INDEX CONCURRENTLY IF NOT EXISTS ", StringComparison.Ordinal);
            }

            _online.Add(Step(MigrationPhase.Expand, table, $"Create index {name} concurrently", sql + ";",
                "SHARE UPDATE EXCLUSIVE (reads and writes continue while the index builds)", false,
                $"DROP INDEX CONCURRENTLY IF EXISTS {Q(name)};", MigrationRisk.Medium,
                "CONCURRENTLY builds the index without blocking writes; it cannot run in a transaction block. If it fails it leaves an INVALID index: drop it and rerun."));
            if (!string.IsNullOrEmpty(comment))
            {
                _online.Add(Step(MigrationPhase.Expand, table, $"Comment index {name}", $"COMMENT ON INDEX {Q(name)} IS {W.String(comment)};",
                    "SHARE UPDATE EXCLUSIVE (catalog only)", true, null, MigrationRisk.Low, "The index comment says which access pattern it serves."));
            }
        }
    }
}
