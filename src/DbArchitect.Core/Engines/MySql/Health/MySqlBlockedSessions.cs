using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>BLOCKED_SESSIONS: InnoDB transactions waiting for a row lock.</summary>
internal sealed class MySqlBlockedSessions : MySqlHealthCheck
{
    public override string Id => "BLOCKED_SESSIONS";

    public override string Title => "Blocked session";

    public override string Category => "Sessions";

    public override string Description => "InnoDB transactions in LOCK WAIT for more than 5 s (critical: 60 s; innodb_lock_wait_timeout defaults to 50 s).";

    public override HealthThreshold DefaultThreshold => new(5, 60, "s");

    public override string Sql => """
        SELECT CONCAT('id ', t.trx_mysql_thread_id) AS target, TIMESTAMPDIFF(SECOND, t.trx_wait_started, NOW()) AS measured,
               LEFT(COALESCE(t.trx_query, ''), 200) AS query
        FROM information_schema.innodb_trx t
        WHERE t.trx_state = 'LOCK WAIT'
        """;

    protected override string Describe(LiveRow row, double? measured) => $"Waiting {HealthThreshold.Format(measured ?? 0)} s for a row lock.";

    protected override string Recommend(LiveRow row) => "Find the blocker (sys.innodb_lock_waits on MySQL, information_schema.innodb_lock_waits on MariaDB) and end it if it is abandoned.";
}
