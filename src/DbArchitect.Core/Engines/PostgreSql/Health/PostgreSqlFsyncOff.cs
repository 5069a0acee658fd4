using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>FSYNC_OFF: with fsync off a crash of the OS or power can corrupt the whole cluster, not just lose recent commits.</summary>
internal sealed class PostgreSqlFsyncOff : PostgreSqlSettingCheck
{
    public override string Id => "FSYNC_OFF";

    public override string Title => "fsync is off";

    public override string Description => "fsync = off lets PostgreSQL skip flushing WAL to disk; an OS crash or power loss can leave the cluster unrecoverably corrupt. Only acceptable for throw-away test clusters.";

    protected override string Setting => "fsync";

    protected override string BadValue => "off";

    protected override HealthStatus FoundStatus => HealthStatus.Critical;

    protected override string Recommend(LiveRow row) => "Set fsync = on in postgresql.conf and reload; use synchronous_commit = off instead if commit latency is the concern.";
}
