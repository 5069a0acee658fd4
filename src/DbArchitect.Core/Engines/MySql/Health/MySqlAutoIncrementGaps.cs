using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>
/// AUTO_INCREMENT_GAPS: counters far ahead of their rows (1,001 rows, next id 1.1 billion): the type's range is being
/// burnt by gaps — INSERT IGNORE / ON DUPLICATE KEY UPDATE retries, rolled-back batches, a large auto_increment_increment,
/// or a manual insert of a huge id — and runs out long before the rows do.
/// </summary>
internal sealed class MySqlAutoIncrementGaps : MySqlHealthCheck
{
    public override string Id => "AUTO_INCREMENT_GAPS";

    public override string Title => "AUTO_INCREMENT far ahead of the rows";

    public override string Category => "Schema";

    public override string Description => "Ids consumed without a row, (next value − 1 − rows), as a % of the column type's range, for counters more than ten times ahead of their row count (rows from table statistics). Warning 25 %, critical 50 %: the range is burnt by gaps (INSERT IGNORE or ON DUPLICATE KEY UPDATE under innodb_autoinc_lock_mode = 2, rolled-back batches, a manual insert of a huge id) and runs out long before the rows would.";

    public override HealthThreshold DefaultThreshold => new(25, 50, "%");

    public override string Sql => $"""
        WITH ai AS ({MySqlAutoIncrementCatalog.Columns})
        SELECT CONCAT(table_name, '.', column_name) AS target, table_name, column_type, next_value, table_rows, max_value,
               ROUND(100 * (next_value - 1 - table_rows) / max_value, 2) AS measured
        FROM ai
        WHERE next_value - 1 > 10 * (table_rows + 1000)
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"About {row.String("table_rows")} rows but the next id is {row.String("next_value")}: {HealthThreshold.Format(measured ?? 0)} % of the {row.String("column_type")} range is gone to gaps.";

    protected override string Recommend(LiveRow row) =>
        "Find what consumes ids without rows (INSERT IGNORE / ON DUPLICATE KEY UPDATE retries, rolled-back batches, auto_increment_increment, a stray manual id); widen the column to BIGINT if it cannot be stopped.";
}
