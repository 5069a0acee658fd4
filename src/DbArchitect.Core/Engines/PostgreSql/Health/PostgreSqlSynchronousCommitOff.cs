using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>SYNCHRONOUS_COMMIT_OFF: the last few hundred milliseconds of acknowledged commits can vanish in a crash.</summary>
internal sealed class PostgreSqlSynchronousCommitOff : PostgreSqlSettingCheck
{
    public override string Id => "SYNCHRONOUS_COMMIT_OFF";

    public override string Title => "synchronous_commit is off server-wide";

    public override string Description => "With synchronous_commit = off a commit is acknowledged before its WAL is flushed; up to 3 × wal_writer_delay of committed work is lost on a crash (no corruption). Fine per transaction for unimportant writes, risky as the server default.";

    protected override string Setting => "synchronous_commit";

    protected override string BadValue => "off";

    protected override HealthStatus FoundStatus => HealthStatus.Warning;

    protected override string Recommend(LiveRow row) => "Keep synchronous_commit = on as the default and turn it off only in sessions or transactions whose writes may be lost (SET LOCAL synchronous_commit = off).";
}
