using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>Script 3: foreign keys, added after every table exists so cycles and table order never matter.</summary>
internal static class PostgreSqlForeignKeyDdl
{
    public const string Purpose = "Adds the foreign keys (after all tables exist, so cycles and order do not matter) and their comments.";

    public static bool IsNeeded(SchemaModel model) => model.Tables.Any(t => t.ForeignKeys.Count > 0);

    public static void Write(W writer, SchemaModel model)
    {
        foreach (var table in model.Tables.Where(t => t.ForeignKeys.Count > 0))
        {
            writer.BlankLine();
            var name = W.Qualified(model.Schema, table.Name);
            foreach (var fk in table.ForeignKeys)
            {
                writer.ClausesStatement($"ALTER TABLE {name}", new[]
                {
                    $"ADD CONSTRAINT {W.Id(fk.Name)} FOREIGN KEY ({W.IdList(fk.Columns)})",
                    $"REFERENCES {W.Qualified(model.Schema, fk.ReferencedTable)} ({W.IdList(fk.ReferencedColumns)})",
                    "ON DELETE " + DeleteAction(fk),
                });
            }

            foreach (var fk in table.ForeignKeys.Where(f => !string.IsNullOrEmpty(f.Reason)))
            {
                writer.Statement($"COMMENT ON CONSTRAINT {W.Id(fk.Name)} ON {name} IS {W.String(fk.Reason)}");
            }
        }
    }

    internal static string DeleteAction(ForeignKey fk) => fk.OnDelete switch
    {
        // PostgreSQL 15: SET NULL (columns) clears only the listed columns, keeping a composite key's tenant column.
        Requirements.DeleteAction.SetNull when fk.SetNullColumns.Count > 0 => $"SET NULL ({W.IdList(fk.SetNullColumns)})",
        Requirements.DeleteAction.SetNull => "SET NULL",
        Requirements.DeleteAction.Cascade => "CASCADE",
        Requirements.DeleteAction.NoAction => "NO ACTION",
        _ => "RESTRICT",
    };
}
