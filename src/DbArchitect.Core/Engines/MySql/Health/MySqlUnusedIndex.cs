using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>UNUSED_INDEX: indexes with no reads since start (performance_schema), sized from InnoDB's index statistics.</summary>
internal sealed class MySqlUnusedIndex : MySqlHealthCheck
{
    public override string Id => "UNUSED_INDEX";

    public override string Title => "Unused large index";

    public override string Category => "Indexes";

    public override string Description => "Secondary indexes of 10 MB or more with no I/O since the server started (performance_schema.table_io_waits_summary_by_index_usage). Skipped when performance_schema is off (MariaDB's default).";

    public override HealthThreshold DefaultThreshold => new(10, null, "MB");

    public override string Sql => """
        SELECT CONCAT(u.object_name, '.', u.index_name) AS target, u.object_name AS table_name, u.index_name,
               ROUND(COALESCE(s.stat_value, 0) * @@innodb_page_size / 1048576, 2) AS measured
        FROM performance_schema.table_io_waits_summary_by_index_usage u
        LEFT JOIN mysql.innodb_index_stats s ON s.database_name = u.object_schema AND s.table_name = u.object_name
             AND s.index_name = u.index_name AND s.stat_name = 'size'
        WHERE u.object_schema = DATABASE() AND u.index_name IS NOT NULL AND u.index_name <> 'PRIMARY' AND u.count_star = 0
        """;

    public override string Needs => "performance_schema = ON; SELECT on performance_schema and mysql.innodb_index_stats";

    public override bool NeedsPerformanceSchema => true;

    protected override string? SkipReason(HealthCheckContext context) =>
        MySqlHealth.PerformanceSchemaOn(context) ? null : "performance_schema is off, so index usage is not counted (set performance_schema = ON and restart).";

    protected override string Describe(LiveRow row, double? measured) => $"{HealthThreshold.Format(measured ?? 0)} MB and not read since the server started.";

    protected override string Recommend(LiveRow row) => "Confirm over a full business cycle and on replicas; make it INVISIBLE (MySQL) or IGNORED (MariaDB 10.6+) first, then drop it.";
}
