using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>LONG_RUNNING_QUERY: statements active for minutes hold snapshots and locks and often mean a missing index.</summary>
internal sealed class PostgreSqlLongRunningQuery : PostgreSqlHealthCheck
{
    public override string Id => "LONG_RUNNING_QUERY";

    public override string Title => "Long-running query";

    public override string Category => "Sessions";

    public override string Description => "Active statements running longer than 5 minutes (critical: 30). They hold back vacuum's horizon and may hold locks others queue behind. Statement text is shown with passwords masked.";

    public override HealthThreshold DefaultThreshold => new(300, 1800, "s");

    public override string Sql => """
        SELECT format('pid %s (%s@%s)', pid, usename, datname) AS target,
               round(extract(epoch FROM clock_timestamp() - query_start)::numeric, 1) AS measured,
               application_name, wait_event_type,
               left(regexp_replace(query, '(PASSWORD\s+)''[^'']*''', '\1''***''', 'gi'), 200) AS query
        FROM pg_stat_activity
        WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND query_start IS NOT NULL
        """;

    protected override string Describe(LiveRow row, double? measured) => $"A statement has been running for {HealthThreshold.Format(measured ?? 0)} s.";

    protected override string Recommend(LiveRow row) => "Look at its plan (EXPLAIN); cancel it with pg_cancel_backend(pid) if it is stuck, and set statement_timeout for the application role.";
}
