using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>BINLOG_SYNC_OFF: with binary logging on and sync_binlog other than 1, replicas and point-in-time recovery can miss commits.</summary>
internal sealed class MySqlBinlogSyncOff : MySqlSettingCheck
{
    public override string Id => "BINLOG_SYNC_OFF";

    public override string Title => "Binary log not synced at commit";

    public override string Description => "log_bin is on and sync_binlog is not 1: after an OS crash the binary log can lack transactions InnoDB committed, so replicas diverge and point-in-time recovery misses them.";

    protected override string Variable => "sync_binlog";

    protected override string Condition => "v <> '1' AND @@GLOBAL.log_bin = 1";

    protected override string Recommend(LiveRow row) => "Set sync_binlog = 1 (with innodb_flush_log_at_trx_commit = 1) on any server with replicas or binlog-based recovery.";
}
