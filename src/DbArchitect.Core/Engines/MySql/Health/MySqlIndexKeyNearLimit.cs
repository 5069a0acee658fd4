using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>
/// INDEX_KEY_NEAR_LIMIT: B-tree keys whose declared width approaches InnoDB's 3,072-byte limit (DYNAMIC and COMPRESSED
/// row formats). Widening any of its columns, or converting the table to utf8mb4, then fails with error 1071.
/// </summary>
internal sealed class MySqlIndexKeyNearLimit : MySqlHealthCheck
{
    public override string Id => "INDEX_KEY_NEAR_LIMIT";

    public override string Title => "Index key near the 3,072-byte limit";

    public override string Category => "Indexes";

    public override string Description => "The widest key of each B-tree index, from its columns' declared sizes: characters (or the prefix length) × the character set's bytes per character, fixed sizes for numbers and dates. InnoDB refuses keys over 3,072 bytes (DYNAMIC/COMPRESSED rows; 767 for COMPACT/REDUNDANT), so a key near it cannot take a wider column or a utf8mb4 conversion (error 1071), and wide keys make every secondary index and its cache footprint large. Warning at 80 % (2,458 bytes), critical at the limit.";

    public override HealthThreshold DefaultThreshold => new(2458, 3072, "bytes");

    public override HealthPriority Priority => HealthPriority.Low;

    public override string Sql => """
        WITH parts AS (
          SELECT s.table_name, s.index_name, s.seq_in_index, s.column_name, s.sub_part,
                 CASE WHEN c.character_octet_length IS NOT NULL
                      THEN COALESCE(s.sub_part * c.character_octet_length / NULLIF(c.character_maximum_length, 0), c.character_octet_length)
                      ELSE CASE c.data_type WHEN 'tinyint' THEN 1 WHEN 'smallint' THEN 2 WHEN 'mediumint' THEN 3 WHEN 'int' THEN 4
                                            WHEN 'bigint' THEN 8 WHEN 'float' THEN 4 WHEN 'double' THEN 8 WHEN 'date' THEN 3
                                            WHEN 'time' THEN 6 WHEN 'year' THEN 1 WHEN 'timestamp' THEN 7 WHEN 'datetime' THEN 8
                                            WHEN 'decimal' THEN CEIL(c.numeric_precision * 4 / 9) + 1 ELSE 8 END END AS bytes
          FROM information_schema.statistics s
          JOIN information_schema.columns c ON c.table_schema = s.table_schema AND c.table_name = s.table_name AND c.column_name = s.column_name
          WHERE s.table_schema = DATABASE() AND s.index_type = 'BTREE')
        SELECT CONCAT(table_name, '.', index_name) AS target, table_name, index_name,
               ROUND(SUM(bytes)) AS measured,
               GROUP_CONCAT(CONCAT(column_name, COALESCE(CONCAT('(', sub_part, ')'), ''), ' ', ROUND(bytes)) ORDER BY seq_in_index SEPARATOR ', ') AS column_bytes
        FROM parts
        GROUP BY table_name, index_name
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"The key is up to {HealthThreshold.Format(measured ?? 0)} of 3,072 bytes ({row.String("column_bytes")} bytes): no column of it can be widened.";

    protected override string Recommend(LiveRow row) => "Index a prefix of the long text column (col(191)), or a generated hash column of it, instead of the whole value; keep natural keys short.";
}
