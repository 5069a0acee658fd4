using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>AUTOVACUUM_OFF: no automatic vacuum or analyze anywhere (anti-wraparound vacuum still runs, too late).</summary>
internal sealed class PostgreSqlAutovacuumOff : PostgreSqlSettingCheck
{
    public override string Id => "AUTOVACUUM_OFF";

    public override string Title => "Autovacuum is off";

    public override string Category => "Vacuum";

    public override string Description => "autovacuum = off stops routine vacuum and analyze on every table: dead tuples pile up, statistics go stale, and only emergency anti-wraparound vacuums run.";

    protected override string Setting => "autovacuum";

    protected override string BadValue => "off";

    protected override HealthStatus FoundStatus => HealthStatus.Critical;

    protected override string Recommend(LiveRow row) => "Set autovacuum = on and tune it per table (autovacuum_vacuum_scale_factor) instead of switching it off.";
}
