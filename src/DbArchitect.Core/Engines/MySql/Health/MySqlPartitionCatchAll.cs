using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>
/// PARTITION_CATCHALL_FULL: a RANGE-partitioned table whose MAXVALUE partition holds most rows: the job that adds
/// partitions ahead of the data has stopped, so new rows pile into one partition that pruning and dropping cannot use.
/// </summary>
internal sealed class MySqlPartitionCatchAll : MySqlHealthCheck
{
    public override string Id => "PARTITION_CATCHALL_FULL";

    public override string Title => "RANGE partitioning's MAXVALUE partition holds most rows";

    public override string Category => "Schema";

    public override string Description => "For RANGE and RANGE COLUMNS partitioned tables of 1,000 rows or more (table statistics), the share of rows in the partition bounded by MAXVALUE. Warning 50 %, critical 80 %: partition maintenance has stopped, new rows land in the catch-all, queries on recent data no longer prune, and retention by DROP PARTITION no longer frees them.";

    public override HealthThreshold DefaultThreshold => new(50, 80, "%");

    public override string Sql => """
        WITH p AS (
          SELECT table_name, partition_name, partition_description, COALESCE(table_rows, 0) AS table_rows
          FROM information_schema.partitions
          WHERE table_schema = DATABASE() AND partition_method IN ('RANGE', 'RANGE COLUMNS')),
        t AS (SELECT table_name, SUM(table_rows) AS total_rows, COUNT(DISTINCT partition_name) AS partitions FROM p GROUP BY table_name)
        SELECT CONCAT(t.table_name, '.', m.partition_name) AS target, t.table_name, m.partition_name, t.partitions,
               SUM(m.table_rows) AS catchall_rows, t.total_rows, ROUND(100 * SUM(m.table_rows) / t.total_rows, 1) AS measured
        FROM t JOIN p m ON m.table_name = t.table_name AND m.partition_description LIKE '%MAXVALUE'
        WHERE t.total_rows >= 1000
        GROUP BY t.table_name, m.partition_name, t.partitions, t.total_rows
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"{row.String("catchall_rows")} of {row.String("total_rows")} rows ({HealthThreshold.Format(measured ?? 0)} %) sit in the MAXVALUE partition of {row.String("partitions")}.";

    protected override string Recommend(LiveRow row) =>
        "Split the catch-all with ALTER TABLE … REORGANIZE PARTITION (it rewrites only that partition) into ranges for the data it holds plus an empty MAXVALUE partition, and restart the job (or event) that creates partitions ahead of time.";
}
