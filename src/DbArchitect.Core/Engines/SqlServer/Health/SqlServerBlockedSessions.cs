using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>BLOCKED_SESSIONS: requests waiting on another session's lock.</summary>
internal sealed class SqlServerBlockedSessions : SqlServerHealthCheck
{
    public override string Id => "BLOCKED_SESSIONS";

    public override string Title => "Blocked session";

    public override string Category => "Sessions";

    public override string Description => "Requests with a blocking_session_id, waiting more than 5 s (critical: 60 s).";

    public override HealthThreshold DefaultThreshold => new(5, 60, "s");

    public override string Sql => """
        SELECT N'session ' + CAST(r.session_id AS nvarchar(10)) AS target, r.wait_time / 1000.0 AS measured,
               r.blocking_session_id AS blocked_by, r.wait_type
        FROM sys.dm_exec_requests AS r
        WHERE r.blocking_session_id <> 0;
        """;

    protected override string Describe(LiveRow row, double? measured) => $"Waiting {HealthThreshold.Format(measured ?? 0)} s on session {row.String("blocked_by")} ({row.String("wait_type")}).";

    protected override string Recommend(LiveRow row) => "Find what the blocking session runs (sys.dm_exec_input_buffer); end it if it is abandoned; consider READ_COMMITTED_SNAPSHOT.";
}
