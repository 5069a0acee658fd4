using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>SYNCHRONOUS_COMMIT_OFF: innodb_flush_log_at_trx_commit other than 1 loses up to a second of commits in a crash.</summary>
internal sealed class MySqlFlushLogAtCommit : MySqlSettingCheck
{
    public override string Id => "SYNCHRONOUS_COMMIT_OFF";

    public override string Title => "Commits not flushed at commit time";

    public override string Description => "innodb_flush_log_at_trx_commit = 0 or 2 acknowledges commits before the redo log is on disk: about one second of committed transactions is lost on a crash (0: also on a mysqld crash).";

    protected override string Variable => "innodb_flush_log_at_trx_commit";

    protected override string Condition => "v <> '1'";

    protected override string Recommend(LiveRow row) => "Set innodb_flush_log_at_trx_commit = 1 unless losing the last second of commits is acceptable.";
}
