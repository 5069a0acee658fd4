namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>The AUTO_INCREMENT columns of the current database with their next value and their type's maximum.</summary>
internal static class MySqlAutoIncrementCatalog
{
    /// <summary>
    /// A CTE body: table_name, column_name, column_type, next_value, max_value (signed or unsigned), table_rows
    /// (statistics) and created_column, the table's creation-time column when it has one (created…/inserted… or a
    /// CURRENT_TIMESTAMP default) from which growth can be measured.
    /// </summary>
    public const string Columns = """
        SELECT c.table_name, c.column_name, c.column_type, t.auto_increment AS next_value, COALESCE(t.table_rows, 0) AS table_rows,
               CAST(CASE c.data_type WHEN 'tinyint' THEN 127 WHEN 'smallint' THEN 32767 WHEN 'mediumint' THEN 8388607
                                     WHEN 'int' THEN 2147483647 ELSE 9223372036854775807 END AS DECIMAL(20, 0))
                 * CASE WHEN c.column_type LIKE '%unsigned%' THEN 2 ELSE 1 END + CASE WHEN c.column_type LIKE '%unsigned%' THEN 1 ELSE 0 END AS max_value,
               (SELECT d.column_name FROM information_schema.columns d
                WHERE d.table_schema = c.table_schema AND d.table_name = c.table_name AND d.data_type IN ('datetime', 'timestamp', 'date')
                  AND (LOWER(d.column_name) REGEXP '^(created|inserted|creation|create_)' OR LOWER(COALESCE(d.column_default, '')) LIKE 'current_timestamp%')
                ORDER BY d.ordinal_position LIMIT 1) AS created_column
        FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = DATABASE() AND c.extra LIKE '%auto_increment%' AND t.auto_increment IS NOT NULL
        """;
}
