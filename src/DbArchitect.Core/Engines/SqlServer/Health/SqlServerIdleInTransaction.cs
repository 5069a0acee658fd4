using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>IDLE_IN_TRANSACTION: sleeping sessions with an open transaction.</summary>
internal sealed class SqlServerIdleInTransaction : SqlServerHealthCheck
{
    public override string Id => "IDLE_IN_TRANSACTION";

    public override string Title => "Idle in transaction";

    public override string Category => "Sessions";

    public override string Description => "Sleeping user sessions with open_transaction_count > 0 whose last request ended more than 60 s ago (critical: 10 minutes): their locks stay held and the log cannot be truncated past them.";

    public override HealthThreshold DefaultThreshold => new(60, 600, "s");

    public override string Sql => """
        SELECT N'session ' + CAST(s.session_id AS nvarchar(10)) + N' (' + s.login_name + N'@' + DB_NAME(s.database_id) + N')' AS target,
               DATEDIFF(SECOND, s.last_request_end_time, SYSDATETIME()) AS measured, s.open_transaction_count, s.host_name, s.program_name
        FROM sys.dm_exec_sessions AS s
        WHERE s.is_user_process = 1 AND s.status = N'sleeping' AND s.open_transaction_count > 0;
        """;

    protected override string Describe(LiveRow row, double? measured) => $"Sleeping for {HealthThreshold.Format(measured ?? 0)} s with {row.String("open_transaction_count")} open transaction(s).";

    protected override string Recommend(LiveRow row) => "Fix the application's transaction handling (SET XACT_ABORT ON helps); KILL the session if it is abandoned.";
}
