using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.MySql.MySqlWriter;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>Script 2: foreign keys, added after every table exists so cycles and table order never matter.</summary>
internal static class MySqlForeignKeyDdl
{
    public const string Purpose = "Adds the foreign keys after all tables exist (cycles and order do not matter); InnoDB needs an index led by each key's columns, which the index plan provides.";

    public static bool IsNeeded(SchemaModel model) => model.Tables.Any(t => t.ForeignKeys.Count > 0);

    public static void Write(W writer, SchemaModel model)
    {
        foreach (var table in model.Tables.Where(t => t.ForeignKeys.Count > 0))
        {
            writer.BlankLine();
            foreach (var fk in table.ForeignKeys)
            {
                writer.Comment(fk.Name + ": " + fk.Reason);
                writer.ClausesStatement($"ALTER TABLE {W.Id(table.Name)}", new[]
                {
                    $"ADD CONSTRAINT {W.Id(fk.Name)} FOREIGN KEY ({W.IdList(fk.Columns)})",
                    $"REFERENCES {W.Id(fk.ReferencedTable)} ({W.IdList(fk.ReferencedColumns)})",
                    "ON DELETE " + DeleteRule(fk),
                });
            }
        }
    }

    /// <summary>
    /// The delete rule the server enforces. SET NULL on a composite tenant key would null the NOT NULL tenant column
    /// too (neither server can clear only some columns, which PostgreSQL 15's SET NULL (col) does), so such a key
    /// restricts instead: the application clears the reference before deleting the parent.
    /// </summary>
    public static string DeleteRule(ForeignKey fk) => fk.OnDelete switch
    {
        DeleteAction.SetNull when fk.SetNullColumns.Count > 0 && fk.SetNullColumns.Count < fk.Columns.Count => "RESTRICT",
        DeleteAction.SetNull => "SET NULL",
        DeleteAction.Cascade => "CASCADE",
        DeleteAction.NoAction => "NO ACTION",
        _ => "RESTRICT",
    };
}
