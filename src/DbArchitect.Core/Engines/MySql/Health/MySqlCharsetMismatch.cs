using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>
/// CHARSET_MISMATCH: a utf8mb3 (or other non-utf8mb4) column inside a utf8mb4 table, and a table in another character
/// set inside a utf8mb4 database. Joins and comparisons across them convert every value, so indexes on the converted
/// side are not used, and utf8mb3 columns reject 4-byte characters (emoji) with an error or silent truncation.
/// </summary>
internal sealed class MySqlCharsetMismatch : MySqlHealthCheck
{
    public override string Id => "CHARSET_MISMATCH";

    public override string Title => "Character set differs from its table or database";

    public override string Category => "Schema";

    public override string Description => "Columns whose character set is not utf8mb4 in a table whose default is utf8mb4, and base tables whose default is not utf8mb4 (latin1, utf8mb3) in a database whose default is utf8mb4. A join or comparison across the two converts every value (no index on the converted side), and utf8mb3/latin1 columns cannot store 4-byte characters. ascii and binary columns are deliberate and not reported.";

    public override HealthPriority Priority => HealthPriority.Low;

    public override string Sql => """
        SELECT CONCAT(c.table_name, '.', c.column_name) AS target, c.table_name, 'column' AS kind, c.character_set_name AS charset, t.table_collation AS table_collation
        FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
        WHERE c.table_schema = DATABASE() AND c.character_set_name IS NOT NULL AND c.character_set_name NOT IN ('utf8mb4', 'ascii', 'binary')
          AND t.table_collation LIKE 'utf8mb4\_%'
        UNION ALL
        SELECT t.table_name, t.table_name, 'table', l.character_set_name, s.default_collation_name
        FROM information_schema.tables t
        JOIN information_schema.schemata s ON s.schema_name = t.table_schema
        JOIN information_schema.collations l ON l.collation_name = t.table_collation
        WHERE t.table_schema = DATABASE() AND t.table_type = 'BASE TABLE' AND s.default_character_set_name = 'utf8mb4'
          AND l.character_set_name NOT IN ('utf8mb4', 'ascii', 'binary')
        """;

    protected override string Describe(LiveRow row, double? measured) => row.String("kind") == "table"
        ? $"The table is {row.String("charset")} inside a utf8mb4 database: joins with the other tables convert every value."
        : $"The column is {row.String("charset")} inside a utf8mb4 table: it cannot store 4-byte characters, and comparisons with utf8mb4 columns convert.";

    protected override string Recommend(LiveRow row) =>
        "Convert the table to utf8mb4 (review first: every text column is converted, and an index on a VARCHAR longer than 768 characters would exceed 3,072 bytes; run it online with pt-online-schema-change or gh-ost on a large table).";

    protected override string? Fix(LiveRow row)
    {
        var collation = row.String("table_collation") ?? "utf8mb4_general_ci";
        return $"ALTER TABLE {MySqlHealth.Table(row)} CONVERT TO CHARACTER SET utf8mb4 COLLATE {collation};";
    }
}
