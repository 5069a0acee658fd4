using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>CACHE_HIT_RATIO: InnoDB buffer pool reads served from memory (information_schema.GLOBAL_STATUS on MariaDB, performance_schema.global_status on MySQL 8).</summary>
internal sealed class MySqlCacheHitRatio : MySqlHealthCheck
{
    public override string Id => "CACHE_HIT_RATIO";

    public override string Title => "Buffer pool hit ratio";

    public override string Category => "Performance";

    public override string Description => "1 − Innodb_buffer_pool_reads ÷ Innodb_buffer_pool_read_requests since start, once 10,000 requests were made: below 95 % the working set does not fit innodb_buffer_pool_size, below 90 % critical.";

    public override HealthThreshold DefaultThreshold => new(95, 90, "%", LowerIsWorse: true);

    public override string Sql => """
        SELECT 'server' AS target, r.v AS disk_reads, q.v AS read_requests, ROUND(100 * (1 - r.v / q.v), 2) AS measured
        FROM (SELECT CAST(variable_value AS DECIMAL(30, 0)) AS v FROM information_schema.global_status WHERE variable_name = 'INNODB_BUFFER_POOL_READS') r
        CROSS JOIN (SELECT CAST(variable_value AS DECIMAL(30, 0)) AS v FROM information_schema.global_status WHERE variable_name = 'INNODB_BUFFER_POOL_READ_REQUESTS') q
        WHERE q.v >= 10000
        """;

    protected override string QueryFor(HealthCheckContext context) => MySqlHealth.StatusQuery(context, Sql);

    protected override string Describe(LiveRow row, double? measured) =>
        $"{HealthThreshold.Format(measured ?? 0)} % of page reads served from the buffer pool ({row.String("disk_reads")} from disk).";

    protected override string Recommend(LiveRow row) => "Raise innodb_buffer_pool_size (50–75 % of RAM on a dedicated server).";
}
