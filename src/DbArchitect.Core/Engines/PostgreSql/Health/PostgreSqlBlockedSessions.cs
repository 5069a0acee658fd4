using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>BLOCKED_SESSIONS: sessions waiting on a lock, with the pids that block them.</summary>
internal sealed class PostgreSqlBlockedSessions : PostgreSqlHealthCheck
{
    public override string Id => "BLOCKED_SESSIONS";

    public override string Title => "Blocked session";

    public override string Category => "Sessions";

    public override string Description => "Sessions waiting for a lock held by another session for more than 5 s (critical: 60 s), with their blockers (pg_blocking_pids). A chain behind one blocker is the classic outage.";

    public override HealthThreshold DefaultThreshold => new(5, 60, "s");

    public override string Sql => """
        SELECT format('pid %s (%s@%s)', pid, usename, datname) AS target,
               round(extract(epoch FROM clock_timestamp() - coalesce(query_start, state_change))::numeric, 1) AS measured,
               array_to_string(pg_blocking_pids(pid), ',') AS blocked_by, wait_event_type, wait_event
        FROM pg_stat_activity
        WHERE cardinality(pg_blocking_pids(pid)) > 0
        """;

    protected override string Describe(LiveRow row, double? measured) => $"Waiting {HealthThreshold.Format(measured ?? 0)} s for a lock held by pid {row.String("blocked_by")}.";

    protected override string Recommend(LiveRow row) => "Look at what the blocking pid runs; end it if it is abandoned, and use lock_timeout for DDL so it never queues in front of traffic.";
}
