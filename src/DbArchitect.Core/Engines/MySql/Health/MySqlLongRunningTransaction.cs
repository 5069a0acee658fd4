using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>LONG_RUNNING_TRANSACTION: old InnoDB transactions keep undo history, so purge falls behind.</summary>
internal sealed class MySqlLongRunningTransaction : MySqlHealthCheck
{
    public override string Id => "LONG_RUNNING_TRANSACTION";

    public override string Title => "Long-running transaction";

    public override string Category => "Sessions";

    public override string Description => "InnoDB transactions open for more than 10 minutes (critical: 1 hour). Their read view stops purge, so the undo history (history list length) grows and every query slows.";

    public override HealthThreshold DefaultThreshold => new(600, 3600, "s");

    public override string Sql => """
        SELECT CONCAT('id ', t.trx_mysql_thread_id, ' (', COALESCE(p.user, ''), '@', COALESCE(p.db, ''), ')') AS target,
               TIMESTAMPDIFF(SECOND, t.trx_started, NOW()) AS measured, t.trx_state, t.trx_rows_locked, t.trx_rows_modified
        FROM information_schema.innodb_trx t
        LEFT JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id
        WHERE t.trx_mysql_thread_id <> CONNECTION_ID()
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"A transaction has been open for {HealthThreshold.Format(measured ?? 0)} s ({row.String("trx_rows_modified")} rows modified).";

    protected override string Recommend(LiveRow row) => "Find why the application keeps it open; KILL the connection if it is abandoned.";
}
