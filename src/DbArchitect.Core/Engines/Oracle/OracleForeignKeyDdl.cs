using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.Oracle.OracleWriter;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>
/// Script 3: foreign keys, added after every table exists so cycles and order never matter. Oracle knows ON DELETE
/// CASCADE and ON DELETE SET NULL only; without a clause the key is NO ACTION, checked at the end of each statement,
/// which for non-deferred keys refuses exactly what RESTRICT refuses, so restrict and no action both omit the clause
/// (there is no RESTRICT keyword). SET NULL clears every column of the key; a composite tenant key whose tenant column
/// is NOT NULL would then fail the delete, so that key gets no action and a row trigger on the parent clears only the
/// reference column first.
/// </summary>
internal static class OracleForeignKeyDdl
{
    public const string Purpose = "Adds the foreign keys (after all tables exist, so cycles and order do not matter).";

    public static bool IsNeeded(SchemaModel model) => model.Tables.Any(t => t.ForeignKeys.Count > 0);

    /// <summary>Composite keys asking to clear only some columns (PostgreSQL 15's SET NULL (col)), which Oracle cannot declare.</summary>
    public static IEnumerable<(Table Child, ForeignKey Key)> PartialSetNull(SchemaModel model) =>
        model.Tables.SelectMany(t => t.ForeignKeys.Where(f => f.OnDelete == Requirements.DeleteAction.SetNull && f.SetNullColumns.Count > 0
            && f.SetNullColumns.Count < f.Columns.Count).Select(f => (t, f)));

    public static void Write(W writer, SchemaModel model)
    {
        foreach (var table in model.Tables.Where(t => t.ForeignKeys.Count > 0))
        {
            writer.BlankLine();
            var name = W.Qualified(model.Schema, table.Name);
            foreach (var fk in table.ForeignKeys)
            {
                if (!string.IsNullOrEmpty(fk.Reason))
                {
                    writer.Comment($"{fk.Name}: {fk.Reason}");
                }

                var clauses = new List<string>
                {
                    $"ADD CONSTRAINT {W.Id(fk.Name)} FOREIGN KEY ({W.IdList(fk.Columns)})",
                    $"REFERENCES {W.Qualified(model.Schema, fk.ReferencedTable)} ({W.IdList(fk.ReferencedColumns)})",
                };
                if (DeleteAction(fk) is { } action)
                {
                    clauses.Add("ON DELETE " + action);
                }

                writer.ClausesStatement($"ALTER TABLE {name}", clauses);
            }
        }
    }

    internal static string? DeleteAction(ForeignKey fk) => fk.OnDelete switch
    {
        Requirements.DeleteAction.SetNull when fk.SetNullColumns.Count > 0 && fk.SetNullColumns.Count < fk.Columns.Count => null,
        Requirements.DeleteAction.SetNull => "SET NULL",
        Requirements.DeleteAction.Cascade => "CASCADE",
        _ => null,
    };
}
