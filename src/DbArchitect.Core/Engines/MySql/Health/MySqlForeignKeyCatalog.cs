namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>The foreign keys of the current database with their column lists in order, shared by the checks that judge them.</summary>
internal static class MySqlForeignKeyCatalog
{
    /// <summary>One row per foreign key: table_name, constraint_name, referenced_table_schema, referenced_table_name, cols, ref_cols (comma-separated, in key order).</summary>
    public const string Sql = """
        SELECT k.table_name, k.constraint_name, k.referenced_table_schema, k.referenced_table_name,
               GROUP_CONCAT(k.column_name ORDER BY k.ordinal_position SEPARATOR ',') AS cols,
               GROUP_CONCAT(k.referenced_column_name ORDER BY k.ordinal_position SEPARATOR ',') AS ref_cols
        FROM information_schema.key_column_usage k
        WHERE k.table_schema = DATABASE() AND k.referenced_table_name IS NOT NULL
        GROUP BY k.table_name, k.constraint_name, k.referenced_table_schema, k.referenced_table_name
        """;
}
