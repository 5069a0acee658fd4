using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>CHECKPOINT_PRESSURE: checkpoints forced by WAL volume rather than by checkpoint_timeout.</summary>
internal sealed class PostgreSqlCheckpointPressure : PostgreSqlHealthCheck
{
    public override string Id => "CHECKPOINT_PRESSURE";

    public override string Title => "Checkpoints forced by WAL volume";

    public override string Category => "Performance";

    public override string Description => "checkpoints_req as a % of all checkpoints (pg_stat_bgwriter, PostgreSQL 16 and older; once 10 have happened). Requested checkpoints mean max_wal_size is too small for the write rate: I/O spikes and more full-page images in WAL. Warning 20 %, critical 50 %.";

    public override HealthThreshold DefaultThreshold => new(20, 50, "%");

    public override string Sql => """
        SELECT 'server' AS target, checkpoints_timed, checkpoints_req,
               round(100.0 * checkpoints_req / (checkpoints_timed + checkpoints_req), 1) AS measured,
               current_setting('max_wal_size') AS max_wal_size
        FROM pg_stat_bgwriter WHERE checkpoints_timed + checkpoints_req >= 10
        """;

    protected override string? SkipReason(HealthCheckContext context) =>
        context.MajorVersion >= 17 ? "PostgreSQL 17 moved checkpoint counters to pg_stat_checkpointer; this check reads pg_stat_bgwriter." : null;

    protected override string Describe(LiveRow row, double? measured) =>
        $"{row.String("checkpoints_req")} of {(row.Int64("checkpoints_req") ?? 0) + (row.Int64("checkpoints_timed") ?? 0)} checkpoints were forced by WAL volume (max_wal_size {row.String("max_wal_size")}).";

    protected override string Recommend(LiveRow row) => "Raise max_wal_size so checkpoints come from checkpoint_timeout; keep checkpoint_completion_target at 0.9.";
}
