using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.Oracle.OracleWriter;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>
/// Script 5: a BEFORE UPDATE row trigger per table that sets updated_at through :NEW (Oracle has no shared trigger
/// function taking arguments, so each table gets its own small trigger), and the parent-side triggers that clear only
/// the reference column of a composite tenant key on delete (Oracle's ON DELETE SET NULL would clear the tenant too).
/// </summary>
internal static class OracleTriggerDdl
{
    public const string Purpose = "Keeps each updated_at column current with a BEFORE UPDATE row trigger, and clears composite tenant references on delete.";

    public static IReadOnlyList<(Table Table, Column Column)> Targets(SchemaModel model) =>
        model.Tables
            .Where(t => t.Features.Timestamps)
            .Select(t => (Table: t, Column: t.Columns.FirstOrDefault(c => c.Role == ColumnRole.UpdatedAt)))
            .Where(x => x.Column is not null)
            .Select(x => (x.Table, x.Column!))
            .ToList();

    public static bool IsNeeded(SchemaModel model) => Targets(model).Count > 0 || OracleForeignKeyDdl.PartialSetNull(model).Any();

    public static void Write(W writer, SchemaModel model, OracleNames names)
    {
        foreach (var (table, column) in Targets(model))
        {
            writer.BlankLine();
            writer.PlSql($"CREATE OR REPLACE TRIGGER {W.Qualified(model.Schema, names.UpdatedAtTrigger(table.Name))}", new[]
            {
                $"BEFORE UPDATE ON {W.Qualified(model.Schema, table.Name)}",
                "FOR EACH ROW",
                "BEGIN",
                $"    :NEW.{W.Id(column.Name)} := SYSTIMESTAMP;",
                "END;",
            });
        }

        foreach (var (child, key) in OracleForeignKeyDdl.PartialSetNull(model))
        {
            writer.BlankLine();
            var parent = model.FindTable(key.ReferencedTable)!;
            if (string.Equals(parent.Name, child.Name, StringComparison.Ordinal))
            {
                writer.Comment($"{key.Name}: a self-reference cannot be cleared by a row trigger on its own table (ORA-04091 mutating table); delete children first or clear {string.Join(", ", key.SetNullColumns)} in the application.");
                continue;
            }

            var match = string.Join(" AND ", key.Columns.Select((c, i) => $"{W.Id(c)} = :OLD.{W.Id(key.ReferencedColumns[i])}"));
            writer.Comment($"{key.Name}: ON DELETE SET NULL ({string.Join(", ", key.SetNullColumns)}) — Oracle would clear every key column, including the NOT NULL tenant, so this trigger clears only the reference before the parent row goes.");
            writer.PlSql($"CREATE OR REPLACE TRIGGER {W.Qualified(model.Schema, names.SetNullTrigger(key.Name))}", new[]
            {
                $"BEFORE DELETE ON {W.Qualified(model.Schema, parent.Name)}",
                "FOR EACH ROW",
                "BEGIN",
                $"    UPDATE {W.Qualified(model.Schema, child.Name)}",
                $"       SET {string.Join(", ", key.SetNullColumns.Select(c => W.Id(c) + " = NULL"))}",
                $"     WHERE {match};",
                "END;",
            });
        }
    }
}
