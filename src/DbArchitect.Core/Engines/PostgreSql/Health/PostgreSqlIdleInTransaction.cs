using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>IDLE_IN_TRANSACTION: a session that began a transaction and went quiet holds its locks and snapshot.</summary>
internal sealed class PostgreSqlIdleInTransaction : PostgreSqlHealthCheck
{
    public override string Id => "IDLE_IN_TRANSACTION";

    public override string Title => "Idle in transaction";

    public override string Category => "Sessions";

    public override string Description => "Sessions idle inside a transaction for more than 60 s (critical: 10 minutes): an application that forgot to commit. They keep row locks and block vacuum.";

    public override HealthThreshold DefaultThreshold => new(60, 600, "s");

    public override string Sql => """
        SELECT format('pid %s (%s@%s)', pid, usename, datname) AS target,
               round(extract(epoch FROM clock_timestamp() - state_change)::numeric, 1) AS measured,
               state, application_name, datname AS database
        FROM pg_stat_activity
        WHERE state IN ('idle in transaction', 'idle in transaction (aborted)') AND pid <> pg_backend_pid()
        """;

    protected override string Describe(LiveRow row, double? measured) => $"Session {row.String("state")} for {HealthThreshold.Format(measured ?? 0)} s.";

    protected override string Recommend(LiveRow row) => "Fix the application's transaction handling; set idle_in_transaction_session_timeout for its role as a safety net.";
}
