using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>LONG_RUNNING_QUERY: requests running for minutes.</summary>
internal sealed class SqlServerLongRunningQuery : SqlServerHealthCheck
{
    public override string Id => "LONG_RUNNING_QUERY";

    public override string Title => "Long-running query";

    public override string Category => "Sessions";

    public override string Description => "User requests running longer than 5 minutes (critical: 30), from sys.dm_exec_requests.";

    public override HealthThreshold DefaultThreshold => new(300, 1800, "s");

    public override string Sql => """
        SELECT N'session ' + CAST(r.session_id AS nvarchar(10)) + N' (' + s.login_name + N'@' + DB_NAME(r.database_id) + N')' AS target,
               DATEDIFF(SECOND, r.start_time, SYSDATETIME()) AS measured, r.status, r.wait_type
        FROM sys.dm_exec_requests AS r
        JOIN sys.dm_exec_sessions AS s ON s.session_id = r.session_id
        WHERE s.is_user_process = 1 AND r.session_id <> @@SPID;
        """;

    protected override string Describe(LiveRow row, double? measured) => $"A request has been running for {HealthThreshold.Format(measured ?? 0)} s ({row.String("status")}, waiting on {row.String("wait_type") ?? "nothing"}).";

    protected override string Recommend(LiveRow row) => "Look at its plan (sys.dm_exec_query_plan); KILL it if it is stuck.";
}
