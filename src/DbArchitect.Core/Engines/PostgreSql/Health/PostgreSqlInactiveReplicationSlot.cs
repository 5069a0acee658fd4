using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>INACTIVE_REPLICATION_SLOT: slots nobody consumes, with the WAL they force the server to keep.</summary>
internal sealed class PostgreSqlInactiveReplicationSlot : PostgreSqlHealthCheck
{
    public override string Id => "INACTIVE_REPLICATION_SLOT";

    public override string Title => "Inactive replication slot retaining WAL";

    public override string Category => "Replication";

    public override string Description => "Replication slots with no connected consumer, measured by the WAL they retain (MB). Any inactive slot is a warning; 10 GB is critical: the disk fills with WAL until the primary stops, and a logical slot also holds back vacuum's catalog horizon.";

    public override HealthThreshold DefaultThreshold => new(0, 10240, "MB");

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => """
        SELECT slot_name AS target, slot_type, database,
               round(coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0) / 1048576.0, 1) AS measured
        FROM pg_replication_slots
        WHERE NOT active AND NOT pg_is_in_recovery()
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"Inactive {row.String("slot_type")} slot retains {HealthThreshold.Format(measured ?? 0)} MB of WAL.";

    protected override string Recommend(LiveRow row) => "Reconnect its consumer, or drop it with pg_drop_replication_slot if the consumer is gone; set max_slot_wal_keep_size as a guard.";
}
