using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>REPLICATION_LAG: how far each connected standby is behind in replay.</summary>
internal sealed class PostgreSqlReplicationLag : PostgreSqlHealthCheck
{
    public override string Id => "REPLICATION_LAG";

    public override string Title => "Replication lag";

    public override string Category => "Replication";

    public override string Description => "replay_lag of each standby in pg_stat_replication: 30 s is a warning (reads from it are stale, failover would lose that much), 5 minutes critical. Passes when there are no standbys.";

    public override HealthThreshold DefaultThreshold => new(30, 300, "s");

    public override string Sql => """
        SELECT coalesce(application_name, '') || '@' || coalesce(client_addr::text, 'local') AS target, state, sync_state,
               round(coalesce(extract(epoch FROM replay_lag), 0)::numeric, 1) AS measured,
               pg_wal_lsn_diff(sent_lsn, replay_lsn) AS bytes_behind
        FROM pg_stat_replication
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"Standby replays {HealthThreshold.Format(measured ?? 0)} s behind ({row.String("bytes_behind")} bytes, {row.String("state")}).";

    protected override string Recommend(LiveRow row) => "Check the standby's I/O and network, and long queries on it that conflict with replay (max_standby_streaming_delay).";
}
