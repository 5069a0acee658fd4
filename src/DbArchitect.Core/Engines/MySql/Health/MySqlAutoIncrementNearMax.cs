using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>SEQUENCE_NEAR_MAX: AUTO_INCREMENT counters measured against their column type's maximum.</summary>
internal sealed class MySqlAutoIncrementNearMax : MySqlHealthCheck
{
    public override string Id => "SEQUENCE_NEAR_MAX";

    public override string Title => "AUTO_INCREMENT near its column type's maximum";

    public override string Category => "Schema";

    public override string Description => "The next AUTO_INCREMENT value as a % of the column type's maximum (signed or unsigned): 75 % warning, 90 % critical. At the maximum every insert fails with a duplicate key error.";

    public override HealthThreshold DefaultThreshold => new(75, 90, "%");

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => """
        WITH ai AS (
          SELECT c.table_name, c.column_name, c.column_type, t.auto_increment,
                 CAST(CASE c.data_type WHEN 'tinyint' THEN 127 WHEN 'smallint' THEN 32767 WHEN 'mediumint' THEN 8388607
                                       WHEN 'int' THEN 2147483647 ELSE 9223372036854775807 END AS DECIMAL(20, 0)) AS signed_max,
                 c.column_type LIKE '%unsigned%' AS is_unsigned
          FROM information_schema.columns c
          JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
          WHERE c.table_schema = DATABASE() AND c.extra LIKE '%auto_increment%' AND t.auto_increment IS NOT NULL)
        SELECT CONCAT(table_name, '.', column_name) AS target, column_type, auto_increment AS next_value,
               CASE WHEN is_unsigned THEN signed_max * 2 + 1 ELSE signed_max END AS max_value,
               ROUND(100 * (auto_increment - 1) / CASE WHEN is_unsigned THEN signed_max * 2 + 1 ELSE signed_max END, 2) AS measured
        FROM ai
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"Next value {row.String("next_value")} of {row.String("max_value")} allowed by {row.String("column_type")} ({HealthThreshold.Format(measured ?? 0)} %).";

    protected override string Recommend(LiveRow row) => "Widen the column to BIGINT (and the columns referencing it) with an online ALTER TABLE before it runs out.";
}
