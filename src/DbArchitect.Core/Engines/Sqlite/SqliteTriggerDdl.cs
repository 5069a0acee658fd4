using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.Sqlite.SqliteWriter;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// Script 5: the triggers that do what the other engines do with functions or constraint options: updated_at
/// maintenance (AFTER UPDATE, because a SQLite trigger cannot assign to NEW), enum-array members (SQLite forbids
/// subqueries in CHECK), and SET NULL on part of a composite foreign key.
/// </summary>
internal static class SqliteTriggerDdl
{
    public const string Purpose = "Keeps updated_at current, checks the members of enum arrays, and clears the nullable part of composite foreign keys when their parent row is deleted.";

    public static IReadOnlyList<(Table Table, Column Column)> UpdatedAt(SchemaModel model) =>
        model.Tables.Where(t => t.Features.Timestamps)
            .Select(t => (Table: t, Column: t.Columns.FirstOrDefault(c => c.Role == ColumnRole.UpdatedAt)))
            .Where(x => x.Column is not null)
            .Select(x => (x.Table, x.Column!))
            .ToList();

    private static IEnumerable<(Table Table, CheckConstraint Check)> ArrayChecks(SchemaModel model) =>
        model.Tables.SelectMany(t => t.Checks.Where(c => !SqliteExpressions.IsTableCheck(c)).Select(c => (t, c)));

    private static IEnumerable<(Table Child, ForeignKey Key)> SetNullKeys(SchemaModel model) =>
        model.Tables.SelectMany(t => t.ForeignKeys.Where(SqliteTableDdl.NeedsSetNullTrigger).Select(f => (t, f)));

    public static bool IsNeeded(SchemaModel model) => UpdatedAt(model).Count > 0 || ArrayChecks(model).Any() || SetNullKeys(model).Any();

    public static string UpdatedAtTrigger(Table table) => table.Name + "_set_updated_at";

    public static void Write(W writer, SchemaModel model)
    {
        foreach (var (table, column) in UpdatedAt(model))
        {
            // WHEN: an update that sets updated_at itself (including this trigger's own) is left alone, so the trigger
            // never re-fires even with PRAGMA recursive_triggers = ON.
            writer.BlankLine();
            writer.Trigger(
                new[] { $"CREATE TRIGGER {W.Id(UpdatedAtTrigger(table))} AFTER UPDATE ON {W.Id(table.Name)}", $"FOR EACH ROW WHEN NEW.{W.Id(column.Name)} IS OLD.{W.Id(column.Name)}" },
                new[] { $"UPDATE {W.Id(table.Name)} SET {W.Id(column.Name)} = {SqliteExpressions.Now} WHERE rowid = NEW.rowid" });
        }

        foreach (var (table, check) in ArrayChecks(model))
        {
            var column = table.FindColumn(check.Column) ?? throw new InvalidOperationException($"Check {check.Name} names a column {table.Name} does not have.");
            var values = W.List(SqliteExpressions.EnumValues(check, column.Type).Select(W.String));
            var bad = $"EXISTS (SELECT 1 FROM json_each(NEW.{W.Id(column.Name)}) WHERE value NOT IN ({values}))";
            var raise = $"SELECT RAISE(ABORT, {W.String($"CHECK constraint failed: {check.Name}")})";
            writer.BlankLine();
            writer.Comment($"{check.Name}: {check.Reason}");
            writer.Trigger(new[] { $"CREATE TRIGGER {W.Id(check.Name + "_insert")} BEFORE INSERT ON {W.Id(table.Name)}", $"FOR EACH ROW WHEN {bad}" }, new[] { raise });
            writer.Trigger(new[] { $"CREATE TRIGGER {W.Id(check.Name + "_update")} BEFORE UPDATE OF {W.Id(column.Name)} ON {W.Id(table.Name)}", $"FOR EACH ROW WHEN {bad}" }, new[] { raise });
        }

        foreach (var (child, fk) in SetNullKeys(model))
        {
            var match = string.Join(" AND ", fk.Columns.Select((c, i) => $"{W.Id(c)} = OLD.{W.Id(fk.ReferencedColumns[i])}"));
            writer.BlankLine();
            writer.Comment($"{fk.Name}: ON DELETE SET NULL ({string.Join(", ", fk.SetNullColumns)}) keeps the rest of the composite key.");
            writer.Trigger(
                new[] { $"CREATE TRIGGER {W.Id(fk.Name + "_set_null")} AFTER DELETE ON {W.Id(fk.ReferencedTable)}" },
                new[] { $"UPDATE {W.Id(child.Name)} SET {W.List(fk.SetNullColumns.Select(c => W.Id(c) + " = NULL"))} WHERE {match}" });
        }
    }
}
