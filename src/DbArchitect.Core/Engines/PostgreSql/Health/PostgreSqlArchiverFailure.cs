using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>ARCHIVER_FAILURE: WAL archiving is failing now (the last failure is newer than the last success).</summary>
internal sealed class PostgreSqlArchiverFailure : PostgreSqlHealthCheck
{
    public override string Id => "ARCHIVER_FAILURE";

    public override string Title => "WAL archiving failing";

    public override string Category => "Replication";

    public override string Description => "archive_mode is on and pg_stat_archiver's last failure is newer than its last success: point-in-time recovery has a gap from then on, and unarchived WAL piles up in pg_wal until the disk is full.";

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => """
        SELECT 'archiver' AS target, failed_count, last_failed_wal, last_failed_time, last_archived_time
        FROM pg_stat_archiver
        WHERE current_setting('archive_mode') <> 'off' AND last_failed_time IS NOT NULL
          AND (last_archived_time IS NULL OR last_failed_time > last_archived_time)
        """;

    protected override HealthStatus FoundStatus => HealthStatus.Critical;

    protected override string Describe(LiveRow row, double? measured) =>
        $"Archiving of {row.String("last_failed_wal")} failed at {row.String("last_failed_time")} ({row.String("failed_count")} failures); last success {row.String("last_archived_time") ?? "never"}.";

    protected override string Recommend(LiveRow row) => "Read the server log for the archive_command's error and fix it; take a new base backup once archiving works.";
}
