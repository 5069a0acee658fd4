using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>TEMP_FILE_SPILL: internal temporary tables that went to disk (information_schema.GLOBAL_STATUS on MariaDB, performance_schema.global_status on MySQL 8).</summary>
internal sealed class MySqlTempFileSpill : MySqlHealthCheck
{
    public override string Id => "TEMP_FILE_SPILL";

    public override string Title => "Temporary tables spilled to disk";

    public override string Category => "Performance";

    public override string Description => "Created_tmp_disk_tables as a % of Created_tmp_tables since start, once 100 were created: GROUP BY, DISTINCT and sorts larger than tmp_table_size / max_heap_table_size, or with BLOB columns, go to disk. Warning 25 %, critical 50 %.";

    public override HealthThreshold DefaultThreshold => new(25, 50, "%");

    public override string Sql => """
        SELECT 'server' AS target, d.v AS disk_tables, a.v AS all_tables, ROUND(100 * d.v / a.v, 1) AS measured
        FROM (SELECT CAST(variable_value AS DECIMAL(30, 0)) AS v FROM information_schema.global_status WHERE variable_name = 'CREATED_TMP_DISK_TABLES') d
        CROSS JOIN (SELECT CAST(variable_value AS DECIMAL(30, 0)) AS v FROM information_schema.global_status WHERE variable_name = 'CREATED_TMP_TABLES') a
        WHERE a.v >= 100
        """;

    protected override string QueryFor(HealthCheckContext context) => MySqlHealth.StatusQuery(context, Sql);

    protected override string Describe(LiveRow row, double? measured) =>
        $"{row.String("disk_tables")} of {row.String("all_tables")} internal temporary tables went to disk ({HealthThreshold.Format(measured ?? 0)} %).";

    protected override string Recommend(LiveRow row) => "Raise tmp_table_size and max_heap_table_size together, and find the queries (slow log, Created_tmp_disk_tables per statement) that sort or group without an index.";
}
