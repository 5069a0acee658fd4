using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>FAILING_JOBS: enabled SQL Server Agent jobs that failed in the last 24 hours.</summary>
internal sealed class SqlServerFailingJobs : SqlServerHealthCheck
{
    public override string Id => "FAILING_JOBS";

    public override string Title => "Agent job failing";

    public override string Category => "Durability";

    public override string Description => "Failed runs of enabled SQL Server Agent jobs in the last 24 hours (msdb.dbo.sysjobhistory, job outcome rows): 1 warning, 3 critical. Backup, CHECKDB and index jobs fail silently unless someone reads the history. Skipped on Azure SQL Database, which has no SQL Server Agent.";

    public override HealthThreshold DefaultThreshold => new(1, 3, "failures");

    public override HealthPriority Priority => HealthPriority.High;

    public override string? AzureSqlDatabaseSkip => "there is no SQL Server Agent (elastic jobs keep their own history).";

    // run_date is an int yyyymmdd; step 0 is the job's outcome row, run_status 0 a failure.
    public override string Sql => """
        SELECT j.name AS target, COUNT(*) AS measured, MAX(h.run_date) AS last_failure_date
        FROM msdb.dbo.sysjobs AS j
        JOIN msdb.dbo.sysjobhistory AS h ON h.job_id = j.job_id
        WHERE j.enabled = 1 AND h.step_id = 0 AND h.run_status = 0
          AND h.run_date >= CAST(CONVERT(char(8), DATEADD(DAY, -1, SYSDATETIME()), 112) AS int)
        GROUP BY j.name;
        """;

    protected override string Describe(LiveRow row, double? measured) => $"{HealthThreshold.Format(measured ?? 0)} failed run(s) since yesterday (last on {row.String("last_failure_date")}).";

    protected override string Recommend(LiveRow row) => "Read the job's history (msdb.dbo.sp_help_jobhistory), fix the failing step, and give the job an operator to notify on failure.";
}
