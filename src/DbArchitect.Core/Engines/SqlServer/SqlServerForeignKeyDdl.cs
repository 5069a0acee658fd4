using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.SqlServer.SqlServerWriter;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// Foreign keys, added after every table exists so cycles and order never matter. A key the cascade-path resolver
/// demoted is declared ON DELETE NO ACTION (its trigger, if any, is in the triggers script).
/// </summary>
internal static class SqlServerForeignKeyDdl
{
    public const string Purpose = "Adds the foreign keys (after all tables exist); keys SQL Server cannot cascade are NO ACTION, see design.md.";

    public static bool IsNeeded(SchemaModel model) => model.Tables.Any(t => t.ForeignKeys.Count > 0);

    public static void Write(W writer, SchemaModel model)
    {
        var demoted = SqlServerCascadePaths.Resolve(model).Select(r => r.Table + "\u0001" + r.ForeignKey).ToHashSet(StringComparer.Ordinal);
        foreach (var table in model.Tables.Where(t => t.ForeignKeys.Count > 0))
        {
            writer.BlankLine();
            var name = W.Qualified(model.Schema, table.Name);
            foreach (var fk in table.ForeignKeys)
            {
                var action = demoted.Contains(table.Name + "\u0001" + fk.Name) ? "NO ACTION" : Action(fk.OnDelete);
                writer.ClausesStatement($"ALTER TABLE {name}", new[]
                {
                    $"ADD CONSTRAINT {W.Id(fk.Name)} FOREIGN KEY ({W.IdList(fk.Columns)})",
                    $"REFERENCES {W.Qualified(model.Schema, fk.ReferencedTable)} ({W.IdList(fk.ReferencedColumns)})",
                    "ON DELETE " + action,
                });
            }
        }

        writer.Go();
    }

    // SQL Server has no RESTRICT: NO ACTION checks at the end of the statement, which is what RESTRICT means here.
    internal static string Action(DeleteAction action) => action switch
    {
        DeleteAction.Cascade => "CASCADE",
        DeleteAction.SetNull => "SET NULL",
        _ => "NO ACTION",
    };
}
