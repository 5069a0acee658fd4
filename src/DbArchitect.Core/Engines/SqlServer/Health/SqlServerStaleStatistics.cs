using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>STALE_STATISTICS: statistics whose rows changed a lot since they were last updated.</summary>
internal sealed class SqlServerStaleStatistics : SqlServerHealthCheck
{
    public override string Id => "STALE_STATISTICS";

    public override string Title => "Statistics out of date";

    public override string Category => "Statistics";

    public override string Description => "Share of a statistic's rows modified since its last update (sys.dm_db_stats_properties modification_counter ÷ rows) for statistics of user tables with at least 1000 rows: 20 % warning, 50 % critical. Stale statistics give the optimizer wrong row estimates.";

    public override HealthThreshold DefaultThreshold => new(20, 50, "%");

    public override string Sql => """
        SELECT OBJECT_SCHEMA_NAME(st.object_id) + N'.' + OBJECT_NAME(st.object_id) + N'.' + st.name AS target, sp.last_updated, sp.rows, sp.modification_counter,
               CAST(100.0 * sp.modification_counter / sp.rows AS decimal(9, 2)) AS measured
        FROM sys.stats AS st
        CROSS APPLY sys.dm_db_stats_properties(st.object_id, st.stats_id) AS sp
        WHERE OBJECTPROPERTY(st.object_id, 'IsMsShipped') = 0 AND OBJECTPROPERTY(st.object_id, 'IsUserTable') = 1 AND sp.rows >= 1000;
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"{row.String("modification_counter")} of {row.String("rows")} rows modified ({HealthThreshold.Format(measured ?? 0)} %) since {row.String("last_updated")}.";

    protected override string Recommend(LiveRow row) => "UPDATE STATISTICS on the table (or schedule a statistics job); for large tables consider AUTO_UPDATE_STATISTICS_ASYNC and incremental statistics.";
}
