using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.SqlServer.SqlServerWriter;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// Nonclustered indexes with INCLUDE columns and filters (WHERE deleted_at IS NULL: a filtered unique index is the
/// soft-delete uniqueness rule). Full-text indexes are in their own script.
/// </summary>
internal static class SqlServerIndexDdl
{
    public const string Purpose = "Creates the nonclustered indexes (INCLUDE columns, filtered for soft delete); each index's reason is its MS_Description.";

    public static IEnumerable<Model.Index> Plain(Table table) => table.Indexes.Where(i => !SqlServerFullText.IsFullText(i));

    public static bool IsNeeded(SchemaModel model) => model.Tables.Any(t => Plain(t).Any());

    /// <summary>CREATE [UNIQUE] NONCLUSTERED INDEX … ON table (keys) [INCLUDE …] [WHERE …].</summary>
    internal static string CreateIndex(Model.Index index, string tableName)
    {
        var sql = $"CREATE {(index.Unique ? "UNIQUE " : string.Empty)}NONCLUSTERED INDEX {W.Id(index.Name)} ON {tableName} "
            + $"({W.List(index.Keys.Select(k => W.Id(k.Column ?? throw new InvalidOperationException($"Index {index.Name} has an expression key; the adapter should have replaced it.")) + (k.Descending ? " DESC" : " ASC")))})";
        if (index.Include.Count > 0)
        {
            sql += $" INCLUDE ({W.IdList(index.Include)})";
        }

        if (index.Predicate is { Tests.Count: > 0 } predicate)
        {
            sql += " WHERE " + SqlServerExpressions.Predicate(predicate);
        }

        return sql;
    }

    public static void Write(W writer, SchemaModel model)
    {
        foreach (var table in model.Tables.Where(t => Plain(t).Any()))
        {
            writer.BlankLine();
            var tableName = W.Qualified(model.Schema, table.Name);
            foreach (var index in Plain(table))
            {
                writer.Statement(CreateIndex(index, tableName));
            }
        }

        writer.Go();
        writer.BlankLine();
        foreach (var table in model.Tables)
        {
            foreach (var index in Plain(table).Where(i => !string.IsNullOrEmpty(i.Reason)))
            {
                writer.Statement("EXEC sys.sp_addextendedproperty " + string.Join(", ", new[]
                {
                    "@name = N'MS_Description'",
                    "@value = " + W.Description(index.Reason),
                    "@level0type = N'SCHEMA'",
                    "@level0name = " + W.Argument(model.Schema),
                    "@level1type = N'TABLE'",
                    "@level1name = " + W.Argument(table.Name),
                    "@level2type = N'INDEX'",
                    "@level2name = " + W.Argument(index.Name),
                }));
            }
        }

        writer.Go();
    }
}
