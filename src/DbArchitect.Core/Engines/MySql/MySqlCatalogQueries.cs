namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// The information_schema queries of Import-DbSchema: one per kind of object over every wanted database ({schemas}
/// is replaced by a list of parameters @s0, @s1, …), never one per table.
/// </summary>
internal static class MySqlCatalogQueries
{
    public const string Schemas = """
        SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA
        WHERE SCHEMA_NAME NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')
        ORDER BY SCHEMA_NAME
        """;

    public const string CurrentSchema = "SELECT DATABASE()";

    public const string Tables = """
        SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, TABLE_TYPE AS table_type, TABLE_COMMENT AS comment,
               TABLE_ROWS AS estimated_rows, CREATE_OPTIONS AS create_options
        FROM information_schema.TABLES
        WHERE TABLE_SCHEMA IN ({schemas})
        ORDER BY TABLE_SCHEMA, TABLE_NAME
        """;

    public const string Columns = """
        SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, COLUMN_NAME AS column_name, ORDINAL_POSITION AS position,
               COLUMN_TYPE AS native_type, IS_NULLABLE AS is_nullable, COLUMN_DEFAULT AS default_expression, EXTRA AS extra,
               COLUMN_COMMENT AS comment
        FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA IN ({schemas})
        ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION
        """;

    /// <summary>Primary, unique and foreign keys with their columns in order, and a foreign key's delete rule.</summary>
    public const string Keys = """
        SELECT k.TABLE_SCHEMA AS schema_name, k.TABLE_NAME AS table_name, k.CONSTRAINT_NAME AS name, c.CONSTRAINT_TYPE AS kind,
               k.COLUMN_NAME AS column_name, k.ORDINAL_POSITION AS position, k.REFERENCED_TABLE_NAME AS referenced_table,
               k.REFERENCED_COLUMN_NAME AS referenced_column, r.DELETE_RULE AS on_delete
        FROM information_schema.KEY_COLUMN_USAGE k
        JOIN information_schema.TABLE_CONSTRAINTS c
          ON c.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND c.TABLE_NAME = k.TABLE_NAME AND c.CONSTRAINT_NAME = k.CONSTRAINT_NAME
        LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS r
          ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
        WHERE k.TABLE_SCHEMA IN ({schemas}) AND c.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
        ORDER BY k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION
        """;

    /// <summary>CHECK constraints; MariaDB names the table in CHECK_CONSTRAINTS, MySQL only in TABLE_CONSTRAINTS.</summary>
    public const string Checks = """
        SELECT c.CONSTRAINT_SCHEMA AS schema_name, t.TABLE_NAME AS table_name, c.CONSTRAINT_NAME AS name, c.CHECK_CLAUSE AS expression
        FROM information_schema.CHECK_CONSTRAINTS c
        JOIN information_schema.TABLE_CONSTRAINTS t
          ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME AND t.CONSTRAINT_TYPE = 'CHECK'
        WHERE c.CONSTRAINT_SCHEMA IN ({schemas}) {checkTable}
        ORDER BY c.CONSTRAINT_SCHEMA, t.TABLE_NAME, c.CONSTRAINT_NAME
        """;

    /// <summary>Index key parts in order; EXPRESSION (MySQL 8 functional key parts) is read where the server has it.</summary>
    public const string Indexes = """
        SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, INDEX_NAME AS name, NON_UNIQUE AS non_unique,
               SEQ_IN_INDEX AS position, COLUMN_NAME AS column_name, COLLATION AS collation, INDEX_TYPE AS index_type,
               INDEX_COMMENT AS comment, {expression} AS expression
        FROM information_schema.STATISTICS
        WHERE TABLE_SCHEMA IN ({schemas})
        ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX
        """;

    public static string For(string sql, int schemas, MySqlDialect dialect) =>
        sql.Replace("{schemas}", string.Join(", ", Enumerable.Range(0, Math.Max(1, schemas)).Select(i => "@s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))), StringComparison.Ordinal)
            .Replace("{checkTable}", dialect.IsMariaDb ? "AND c.TABLE_NAME = t.TABLE_NAME" : string.Empty, StringComparison.Ordinal)
            .Replace("{expression}", dialect.IsMariaDb ? "NULL" : "EXPRESSION", StringComparison.Ordinal);
}
