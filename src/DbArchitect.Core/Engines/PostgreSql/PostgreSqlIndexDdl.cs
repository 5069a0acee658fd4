using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>Script 4: indexes, each with its reason as a comment.</summary>
internal static class PostgreSqlIndexDdl
{
    public const string Purpose = "Creates the indexes; each index comment says which access pattern or rule it serves.";

    public static bool IsNeeded(SchemaModel model) => model.Tables.Any(t => t.Indexes.Count > 0);

    public static void Write(W writer, SchemaModel model)
    {
        foreach (var table in model.Tables.Where(t => t.Indexes.Count > 0))
        {
            writer.BlankLine();
            var tableName = W.Qualified(model.Schema, table.Name);
            foreach (var index in table.Indexes)
            {
                writer.Statement(CreateIndex(index, table, tableName));
                if (!string.IsNullOrEmpty(index.Reason))
                {
                    writer.Statement($"COMMENT ON INDEX {W.Qualified(model.Schema, index.Name)} IS {W.String(index.Reason)}");
                }
            }
        }
    }

    internal static string CreateIndex(Model.Index index, Table table, string tableName)
    {
        if (index.Keys.Count == 0)
        {
            throw new InvalidOperationException($"Index {index.Name} on {table.Name} has no keys.");
        }

        if (index.Unique && index.Method != IndexStructure.Ordered)
        {
            throw new InvalidOperationException($"Index {index.Name} on {table.Name}: only btree indexes can be unique in PostgreSQL.");
        }

        var sql = $"CREATE {(index.Unique ? "UNIQUE " : string.Empty)}INDEX {W.Id(index.Name)} ON {tableName} USING {MethodName(index.Method)} "
            + $"({W.List(index.Keys.Select(k => PostgreSqlExpressions.IndexKey(k, table, index.Method)))})";
        if (index.Include.Count > 0)
        {
            sql += index.Method is IndexStructure.Ordered or IndexStructure.Spatial
                ? $" INCLUDE ({W.IdList(index.Include)})"
                : throw new InvalidOperationException($"Index {index.Name} on {table.Name}: INCLUDE needs a btree or GiST index.");
        }

        if (index.Predicate is { Tests.Count: > 0 } predicate)
        {
            sql += " WHERE " + PostgreSqlExpressions.Predicate(predicate);
        }

        return sql;
    }

    /// <summary>PostgreSQL's access method for a neutral index structure (USING …).</summary>
    internal static string MethodName(IndexStructure method) => method switch
    {
        IndexStructure.Inverted => "gin",
        IndexStructure.Spatial => "gist",
        IndexStructure.BlockRange => "brin",
        IndexStructure.Hash => "hash",
        _ => "btree",
    };
}
