using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>IDLE_IN_TRANSACTION: a connection asleep with an InnoDB transaction open.</summary>
internal sealed class MySqlIdleInTransaction : MySqlHealthCheck
{
    public override string Id => "IDLE_IN_TRANSACTION";

    public override string Title => "Idle in transaction";

    public override string Category => "Sessions";

    public override string Description => "Connections in Sleep with an open InnoDB transaction for more than 60 s (critical: 10 minutes): an application that forgot to commit, holding its row locks.";

    public override HealthThreshold DefaultThreshold => new(60, 600, "s");

    public override string Sql => """
        SELECT CONCAT('id ', p.id, ' (', p.user, '@', COALESCE(p.db, ''), ')') AS target, p.time AS measured,
               t.trx_started, t.trx_rows_locked, t.trx_rows_modified
        FROM information_schema.innodb_trx t
        JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id
        WHERE p.command = 'Sleep'
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"Asleep for {HealthThreshold.Format(measured ?? 0)} s inside a transaction holding {row.String("trx_rows_locked")} row locks.";

    protected override string Recommend(LiveRow row) => "Fix the application's transaction handling; lower wait_timeout or set idle_transaction_timeout (MariaDB) as a safety net.";
}
