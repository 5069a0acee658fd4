using DbArchitect.Core.Migration;
using DbArchitect.Core.Model;
using DbArchitect.Core.Schema;
using W = DbArchitect.Core.Engines.MySql.MySqlWriter;

namespace DbArchitect.Core.Engines.MySql;

public sealed partial class MySqlMigrationPlanner
{
    private sealed partial class Planning
    {
        // Neither server adds a CHECK in place: MariaDB 10.11 and MySQL 8 answer "ALGORITHM=INPLACE is not supported"
        // and copy the table. LOCK=SHARED keeps reads going; writes wait for the copy, so the risk says so.
        private const string CheckAlgorithm = "ALGORITHM=COPY, LOCK=SHARED";

        private const string CheckReason = "The server copies the table to add a CHECK (it cannot in place): reads continue, writes wait for the copy; run it when writes are few on a large table.";

        private string CheckSql(CheckConstraint check, Table table) =>
            check.Expression ?? MySqlExpressions.Check(check, table.FindColumn(check.Column)
                ?? throw new InvalidOperationException($"Check {check.Name} names column {check.Column}, which table {table.Name} does not have."), _dialect);

        private void AddCheck(string table, CheckConstraint check, Table wanted) =>
            _constraints.Add(Alter(MigrationPhase.Expand, table, $"Add check {check.Name}", $"ADD CONSTRAINT {W.Id(check.Name)} CHECK ({CheckSql(check, wanted)})",
                CheckAlgorithm, $"ALTER TABLE {W.Id(table)} DROP CONSTRAINT {W.Id(check.Name)};", MigrationRisk.High, CheckReason));

        /// <summary>
        /// A changed condition: a consistent read first proves every row obeys the new one (and fails the migration
        /// saying how many do not), then one ALTER drops the old check and adds the new under the same name, so no write
        /// is ever unchecked. Members removed from an enum need consent (-AllowDataLoss): rows holding them get the
        /// column's default (or the -Backfill value, or NULL) first, and the whole replacement runs last.
        /// </summary>
        private void ReplaceCheck(SchemaDifference d)
        {
            var name = d.Name!;
            var (oldTable, table) = (Existing(d.Table), Wanted(d.Table));
            var (old, check) = (oldTable.Checks.Single(c => c.Name == name), table.Checks.Single(c => c.Name == name));
            var condition = CheckSql(check, table);
            var removed = RemovedMembers(CheckSql(old, oldTable), condition);
            var steps = new List<MigrationStep>();
            if (removed is { } gone)
            {
                steps.Add(Plain(MigrationPhase.Destructive, d.Table, $"Count the rows holding removed members of {gone.Column}",
                    $"SELECT {W.Id(gone.Column)} AS removed_member, COUNT(*) AS row_count FROM {W.Id(d.Table)} WHERE {W.Id(gone.Column)} IN ({string.Join(", ", gone.Members.Select(W.String))}) GROUP BY {W.Id(gone.Column)};",
                    "none: a consistent read", null, MigrationRisk.Low, "Says how many rows hold each member the new condition no longer allows."));
                steps.Add(RemapMembers(table, gone.Column, gone.Members));
            }

            var body = $"    IF EXISTS (SELECT 1 FROM {W.Id(d.Table)} WHERE NOT ({condition})) THEN\n"
                + $"        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = {W.String($"{d.Table}.{name}: rows break the new condition; fix them and rerun")};\n    END IF;\n";
            steps.Add(Plain(MigrationPhase.Tighten, d.Table, $"Verify the rows against the new condition of {name}", W.Procedure(ProcedureName("verify"), body),
                "none: a consistent read", null, MigrationRisk.Medium, "Proves the existing rows obey the new condition before the swap copies the table."));
            steps.Add(Alter(MigrationPhase.Tighten, d.Table, $"Replace check {name}", $"DROP CONSTRAINT {W.Id(name)}, ADD CONSTRAINT {W.Id(name)} CHECK ({condition})",
                CheckAlgorithm, null, MigrationRisk.High, $"{d.ReferenceValue} → {d.DifferenceValue} in one statement. " + CheckReason));
            if (removed is null)
            {
                _tighten.AddRange(steps);
            }
            else
            {
                _destructive.AddRange(steps.Select(s => s with { Phase = MigrationPhase.Destructive }));
            }
        }

        private static (string Column, IReadOnlyList<string> Members)? RemovedMembers(string before, string after)
        {
            if (CheckMeaning.Members(before, backslashEscapes: true) is not { } old || CheckMeaning.Members(after, backslashEscapes: true) is not { } wanted
                || !string.Equals(old.Column, wanted.Column, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var gone = old.Members.Except(wanted.Members, StringComparer.Ordinal).ToArray();
            return gone.Length == 0 ? null : (wanted.Column, gone);
        }

        private MigrationStep RemapMembers(Table table, string column, IReadOnlyList<string> members)
        {
            var target = table.FindColumn(column);
            var value = _options.Backfill.TryGetValue(table.Name + "." + column, out var given) ? given
                : target is not null && MySqlExpressions.Default(target, _dialect) is { } fallback ? fallback
                : target is { Nullable: true } ? "NULL"
                : null;
            var sql = value is null
                ? W.Procedure(ProcedureName("remap"), $"    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = {W.String($"{table.Name}.{column} is NOT NULL without a default: give -Backfill for the rows that hold a removed member")};\n")
                : $"UPDATE {W.Id(table.Name)} SET {W.Id(column)} = {value} WHERE {W.Id(column)} IN ({string.Join(", ", members.Select(W.String))});";
            return Plain(MigrationPhase.Destructive, table.Name, $"Set rows holding {string.Join(", ", members)} in {column} to {value ?? "(no value given)"}", sql,
                    "row locks on the rows it changes", null, MigrationRisk.High,
                    $"{string.Join(", ", members.Select(m => "'" + m + "'"))} leave the allowed values of {table.Name}.{column}; rows holding them get {value ?? "a value you give with -Backfill"}, and the old value is lost.")
                with { LosesData = true };
        }
    }
}
