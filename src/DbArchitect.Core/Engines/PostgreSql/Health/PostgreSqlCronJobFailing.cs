using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>CRON_JOB_FAILING: pg_cron jobs whose runs failed in the last 7 days (cron.job_run_details), when pg_cron is installed here.</summary>
internal sealed class PostgreSqlCronJobFailing : PostgreSqlHealthCheck
{
    public override string Id => "CRON_JOB_FAILING";

    public override string Title => "Scheduled job failing";

    public override string Category => "Schema";

    public override string Description => "pg_cron jobs with failed runs in the last 7 days (cron.job_run_details): a purge, rollup or partition job that fails every run fails silently. Warning; critical when the job's latest run failed too (it is still broken). Skipped where pg_cron is not installed (it lives in one database, cron.database_name).";

    public override string Needs => "the pg_cron extension in this database; SELECT on cron.job and cron.job_run_details (its owner or a superuser sees every job)";

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => """
        SELECT 'cron job ' || j.jobid || COALESCE(' (' || j.jobname || ')', '') AS target, j.jobid, j.schedule, j.database, j.username,
               count(*) AS failed_runs, max(d.start_time) AS last_failure,
               left((array_agg(d.return_message ORDER BY d.start_time DESC))[1], 200) AS last_message,
               (SELECT l.status FROM cron.job_run_details l WHERE l.jobid = j.jobid ORDER BY l.start_time DESC NULLS LAST LIMIT 1) AS latest_status
        FROM cron.job j
        JOIN cron.job_run_details d ON d.jobid = j.jobid
        WHERE d.status = 'failed' AND d.start_time > now() - interval '7 days'
        GROUP BY j.jobid, j.jobname, j.schedule, j.database, j.username
        """;

    protected override string? SkipReason(HealthCheckContext context) =>
        PostgreSqlHealth.HasExtension(context, "pg_cron") ? null : "pg_cron is not installed in this database (run the check in cron.database_name to see its jobs).";

    protected override HealthStatus StatusOf(LiveRow row, HealthStatus judged) => row.String("latest_status") == "failed" ? HealthStatus.Critical : HealthStatus.Warning;

    protected override string Describe(LiveRow row, double? measured) =>
        $"{row.String("failed_runs")} failed run(s) in 7 days (schedule {row.String("schedule")} in {row.String("database")}, last at {row.String("last_failure")}): {row.String("last_message")}";

    protected override string Recommend(LiveRow row) => "Run the job's command by hand as its user to see the error, fix it (or cron.unschedule the job if it is obsolete), and alert on cron.job_run_details.status = 'failed'.";
}
