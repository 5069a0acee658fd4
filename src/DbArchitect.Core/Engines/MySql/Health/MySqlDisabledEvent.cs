using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>DISABLED_EVENT: scheduled events switched off (not one-time events that already ran and were preserved).</summary>
internal sealed class MySqlDisabledEvent : MySqlHealthCheck
{
    public override string Id => "DISABLED_EVENT";

    public override string Title => "Disabled event";

    public override string Category => "Schema";

    public override string Description => "Events of the current database with status DISABLED, except one-time events whose time has passed (ON COMPLETION PRESERVE disables them after their run). A purge, rollup or partition-maintenance job that was switched off for an incident and never switched back on; SLAVESIDE_DISABLED events on a replica are expected and not reported.";

    public override string Sql => """
        SELECT event_name AS target, event_type, COALESCE(interval_value, '') AS interval_value, COALESCE(interval_field, '') AS interval_field, last_executed
        FROM information_schema.events
        WHERE event_schema = DATABASE() AND status = 'DISABLED' AND NOT (event_type = 'ONE TIME' AND execute_at <= NOW())
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"The {row.String("event_type")?.ToLowerInvariant()} event is disabled (last run: {row.String("last_executed") ?? "never"}).";

    protected override string Recommend(LiveRow row) => "Enable it if its job is still needed, or drop it so nobody relies on it.";

    protected override string? Fix(LiveRow row) => $"ALTER EVENT {MySqlWriter.Id(row.String("target") ?? string.Empty)} ENABLE;";
}
