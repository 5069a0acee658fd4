using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>EVENT_SCHEDULER_OFF: the database has enabled events, but the server's event scheduler does not run them.</summary>
internal sealed class MySqlEventSchedulerOff : MySqlHealthCheck
{
    public override string Id => "EVENT_SCHEDULER_OFF";

    public override string Title => "Enabled events while the event scheduler is off";

    public override string Category => "Schema";

    public override string Description => "The current database has ENABLED events but @@event_scheduler is OFF (or DISABLED): none of them runs, silently — purges, rollups and partition maintenance stop while every event looks enabled. MariaDB's default is OFF.";

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => """
        SELECT 'event_scheduler' AS target, @@GLOBAL.event_scheduler AS setting, COUNT(*) AS enabled_events,
               GROUP_CONCAT(event_name ORDER BY event_name SEPARATOR ', ') AS events
        FROM information_schema.events
        WHERE event_schema = DATABASE() AND status = 'ENABLED'
        HAVING COUNT(*) > 0 AND @@GLOBAL.event_scheduler <> 'ON'
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"event_scheduler is {row.String("setting")}, so {row.String("enabled_events")} enabled event(s) never run: {row.String("events")}.";

    protected override string Recommend(LiveRow row) => row.String("setting") == "DISABLED"
        ? "Set event_scheduler = ON in the server's option file and restart (DISABLED cannot be changed at runtime)."
        : "SET GLOBAL event_scheduler = ON, and set event_scheduler = ON in the server's option file so it survives a restart.";

    protected override string? Fix(LiveRow row) => row.String("setting") == "DISABLED" ? null : "SET GLOBAL event_scheduler = ON;";
}
