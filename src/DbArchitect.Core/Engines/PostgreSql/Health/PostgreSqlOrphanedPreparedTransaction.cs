using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>ORPHANED_PREPARED_TRANSACTION: a two-phase transaction nobody committed survives restarts and holds its locks forever.</summary>
internal sealed class PostgreSqlOrphanedPreparedTransaction : PostgreSqlHealthCheck
{
    public override string Id => "ORPHANED_PREPARED_TRANSACTION";

    public override string Title => "Orphaned prepared transaction";

    public override string Category => "Sessions";

    public override string Description => "PREPARE TRANSACTION rows older than 5 minutes (critical: 1 hour). A lost transaction manager leaves them behind; they keep locks and pin the xmin horizon across restarts, eventually forcing wraparound shutdown.";

    public override HealthThreshold DefaultThreshold => new(300, 3600, "s");

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => """
        SELECT gid AS target, round(extract(epoch FROM now() - prepared)::numeric, 1) AS measured,
               owner, database, transaction::text AS xid
        FROM pg_prepared_xacts
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"Prepared transaction '{row.String("target")}' in database {row.String("database")} has waited {HealthThreshold.Format(measured ?? 0)} s for COMMIT PREPARED or ROLLBACK PREPARED.";

    protected override string Recommend(LiveRow row) => "Ask the transaction manager whether it committed; otherwise ROLLBACK PREPARED it (from the same database).";
}
