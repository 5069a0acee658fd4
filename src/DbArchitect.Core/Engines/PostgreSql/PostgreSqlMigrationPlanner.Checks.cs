using DbArchitect.Core.Migration;
using DbArchitect.Core.Model;
using DbArchitect.Core.Schema;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

public sealed partial class PostgreSqlMigrationPlanner
{
    private sealed partial class Planning
    {
        /// <summary>A check's comment once the check exists: the reason the design gives for it.</summary>
        private void CommentCheck(string table, CheckConstraint check)
        {
            if (!string.IsNullOrEmpty(check.Reason))
            {
                Comment(table, $"COMMENT ON CONSTRAINT {W.Id(check.Name)} ON {Q(table)} IS {W.String(check.Reason)}",
                    $"COMMENT ON CONSTRAINT {W.Id(check.Name)} ON {Q(table)} IS NULL", "check comment", onNewObject: true);
            }
        }

        /// <summary>
        /// A changed condition replaces the check without a moment unguarded: the new condition is added NOT VALID
        /// under a temporary name (new writes obey both), validated while writers continue, and then swapped in for the
        /// old one in one brief catalog change. Members removed from an enum are values rows may hold: the plan counts
        /// them first, and only with consent (-AllowDataLoss) sets them to the column's default (or the -Backfill value,
        /// or NULL) before the validation, all of it last and in files of its own.
        /// </summary>
        private void ReplaceCheck(SchemaDifference d)
        {
            var name = d.Name!;
            var (oldTable, table) = (Existing(d.Table), Wanted(d.Table));
            var (old, check) = (oldTable.Checks.Single(c => c.Name == name), table.Checks.Single(c => c.Name == name));
            var condition = CheckSql(check, table);
            var removed = RemovedMembers(CheckSql(old, oldTable), condition);
            var temporary = Name(name + "_new");
            var steps = new List<MigrationStep>
            {
                Strong(MigrationPhase.Expand, d.Table, $"Add check {temporary} NOT VALID", new[] { $"ALTER TABLE {Q(d.Table)} ADD CONSTRAINT {W.Id(temporary)} CHECK ({condition}) NOT VALID" },
                    $"ALTER TABLE {Q(d.Table)} DROP CONSTRAINT IF EXISTS {W.Id(temporary)}", MigrationRisk.Low,
                    $"The new condition ({d.DifferenceValue}) beside the old one: NOT VALID skips existing rows, so the lock lasts a catalog update; new writes obey both."),
            };
            if (removed is { } gone)
            {
                steps.Insert(0, Step(MigrationPhase.Destructive, d.Table, $"Count the rows holding removed members of {gone.Column}", ReportMembers(d.Table, gone.Column, gone.Members),
                    "none: a read", true, null, MigrationRisk.Low, "Says how many rows hold each member the new condition no longer allows."));
                steps.Add(RemapMembers(table, gone.Column, gone.Members));
            }

            steps.Add(Step(MigrationPhase.Tighten, d.Table, $"Validate check {temporary}", $"ALTER TABLE {Q(d.Table)} VALIDATE CONSTRAINT {W.Id(temporary)};",
                "SHARE UPDATE EXCLUSIVE (reads and writes continue during the scan)", true, null, MigrationRisk.Medium,
                "Checks the existing rows without blocking writers; fails (and can be rerun) if a row breaks the new condition."));
            steps.Add(Strong(MigrationPhase.Tighten, d.Table, $"Swap check {name} for the validated {temporary}",
                new[] { $"ALTER TABLE {Q(d.Table)} DROP CONSTRAINT IF EXISTS {W.Id(name)}", $"ALTER TABLE {Q(d.Table)} RENAME CONSTRAINT {W.Id(temporary)} TO {W.Id(name)}" },
                null, MigrationRisk.Low, $"{d.ReferenceValue} → {d.DifferenceValue}: one catalog change, so no write is ever unchecked."));
            if (!string.IsNullOrEmpty(check.Reason))
            {
                steps.Add(Step(MigrationPhase.Tighten, d.Table, "Set check comment", $"COMMENT ON CONSTRAINT {W.Id(name)} ON {Q(d.Table)} IS {W.String(check.Reason)};",
                    "SHARE UPDATE EXCLUSIVE (catalog only)", true, null, MigrationRisk.Low, "Comments carry the design's reasons into the catalog."));
            }

            if (removed is null)
            {
                _online.Add(steps[0]);
                _tighten.AddRange(steps.Skip(1));
            }
            else
            {
                // Rows must lose the removed members before the validation, and that needs consent: the whole
                // replacement runs last, in order.
                _destructive.AddRange(steps.Select(s => s with { Phase = MigrationPhase.Destructive }));
            }
        }

        private static (string Column, IReadOnlyList<string> Members)? RemovedMembers(string before, string after)
        {
            if (CheckMeaning.Members(before) is not { } old || CheckMeaning.Members(after) is not { } wanted || old.Column != wanted.Column)
            {
                return null;
            }

            var gone = old.Members.Except(wanted.Members, StringComparer.Ordinal).ToArray();
            return gone.Length == 0 ? null : (old.Column, gone);
        }

        private string ReportMembers(string table, string column, IReadOnlyList<string> members)
        {
            var body = "DECLARE\n    r record;\nBEGIN\n"
                + $"    FOR r IN SELECT {W.Id(column)}::text AS member, count(*) AS n FROM {Q(table)} WHERE {W.Id(column)}::text IN ({W.List(members.Select(W.String))}) GROUP BY 1 ORDER BY 1 LOOP\n"
                + $"        RAISE NOTICE '%: % rows hold the removed member %', {W.String(table + "." + column)}, r.n, r.member;\n"
                + "    END LOOP;\nEND;\n";
            return "DO " + W.DollarQuoted(body, "report") + ";";
        }

        private MigrationStep RemapMembers(Table table, string column, IReadOnlyList<string> members)
        {
            var target = table.FindColumn(column);
            var value = _options.Backfill.TryGetValue(table.Name + "." + column, out var given) ? given
                : target is not null && PostgreSqlExpressions.Default(target) is { } fallback ? fallback
                : target is { Nullable: true } ? "NULL"
                : null;
            var sql = value is null
                ? $"DO {W.DollarQuoted($"BEGIN\n    RAISE EXCEPTION '%', {W.String($"{table.Name}.{column} is NOT NULL without a default: give -Backfill @{{ '{table.Name}.{column}' = '<expression>' }} for the rows that hold a removed member")};\nEND;\n", "remap")};"
                : $"UPDATE {Q(table.Name)} SET {W.Id(column)} = {value} WHERE {W.Id(column)}::text IN ({W.List(members.Select(W.String))});";
            return Step(MigrationPhase.Destructive, table.Name, $"Set rows holding {string.Join(", ", members)} in {column} to {value ?? "(no value given)"}", sql,
                    "ROW EXCLUSIVE on the rows it changes", true, null, MigrationRisk.High,
                    $"{string.Join(", ", members.Select(m => "'" + m + "'"))} leave the allowed values of {table.Name}.{column}; rows holding them get {value ?? "a value you give with -Backfill"}, and the old value is lost.")
                with { LosesData = true };
        }
    }
}
