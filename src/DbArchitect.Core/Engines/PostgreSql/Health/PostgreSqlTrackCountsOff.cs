using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>TRACK_COUNTS_OFF: autovacuum cannot see which tables need work, and usage statistics are empty.</summary>
internal sealed class PostgreSqlTrackCountsOff : PostgreSqlSettingCheck
{
    public override string Id => "TRACK_COUNTS_OFF";

    public override string Title => "track_counts is off";

    public override string Category => "Statistics";

    public override string Description => "Without track_counts autovacuum has no dead-tuple or modification counts to act on and pg_stat_user_tables stays empty, so most other checks go blind.";

    protected override string Setting => "track_counts";

    protected override string BadValue => "off";

    protected override HealthStatus FoundStatus => HealthStatus.Critical;

    protected override string Recommend(LiveRow row) => "Set track_counts = on (the default).";
}
