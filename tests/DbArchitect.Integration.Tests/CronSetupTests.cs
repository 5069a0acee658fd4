using DbArchitect.Core.Design;
using DbArchitect.Core.Export;
using DbArchitect.Core.Partitioning;
using DbArchitect.Core.Requirements;
using Xunit;
using static DbArchitect.Integration.Tests.Partitioning.PartitionFixture;

namespace DbArchitect.Integration.Tests;

/// <summary>
/// Scripts that schedule with pg_cron, run on brand-new clusters as a DBA meets them: pg_cron preloaded but never
/// created, created under another database, not preloaded at all, or run by a role that may not create it. The shared
/// test server cannot show these states (some other test has created pg_cron there long ago), which is how a schedule
/// script that only worked after another test passed on this machine and failed on a new one.
/// </summary>
public sealed class CronSetupTests
{
    private static readonly Dictionary<string, string> Preloaded = new() { ["shared_preload_libraries"] = "pg_cron", ["cron.database_name"] = "postgres" };

    [Fact]
    public void Partition_schedule_creates_pg_cron_where_it_is_preloaded_but_not_created_and_can_run_again()
    {
        using var cluster = new ScratchCluster(Preloaded);
        cluster.Execute("CREATE DATABASE app");
        Assert.Equal(0L, cluster.Scalar("SELECT count(*) FROM pg_extension WHERE extname = 'pg_cron'"));
        var files = Write(Plan("postgresql", new PartitionRequest { Interval = PartitionInterval.Month }));
        var variables = new Dictionary<string, string> { ["target_database"] = "app" };

        var output = cluster.ApplyFile(files["schedule"], "postgres", variables);
        cluster.ApplyFile(files["schedule"], "postgres", variables);

        Assert.Contains("created the extension pg_cron in postgres", output, StringComparison.Ordinal);
        Assert.Equal(1L, cluster.Scalar("SELECT count(*) FROM cron.job WHERE database = 'app' AND command = 'SELECT * FROM public.event_partition_maintenance()'"));
    }

    [Fact]
    public void Design_maintenance_jobs_schedule_every_pg_cron_job_on_a_new_cluster()
    {
        using var cluster = new ScratchCluster(Preloaded);
        cluster.Execute("CREATE DATABASE shop");
        var design = DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, "examples", "requirements", "ecommerce.yaml")), "postgresql");
        var folder = Path.Combine(Path.GetTempPath(), "dbarch-cron-" + Guid.NewGuid().ToString("N"));
        try
        {
            DesignExporter.Export(design, folder, force: false);
            cluster.ApplyFile(Path.Combine(folder, "maintenance", "jobs.sql"), "postgres", new Dictionary<string, string> { ["database"] = "shop" });

            var expected = design.Maintenance.Jobs.Count(j => j.Runner == "pg_cron");
            Assert.True(expected > 0, "the example schedules pg_cron jobs");
            Assert.Equal((long)expected, cluster.Scalar("SELECT count(*) FROM cron.job WHERE jobname LIKE 'shop: %'"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Run_in_another_database_than_cron_database_name_stops_and_names_the_right_one()
    {
        using var cluster = new ScratchCluster(Preloaded);
        cluster.Execute("CREATE DATABASE app");
        var files = Write(Plan("postgresql", new PartitionRequest { Interval = PartitionInterval.Month }));

        var error = Assert.Throws<Xunit.Sdk.XunitException>(() => cluster.ApplyFile(files["schedule"], "app", new Dictionary<string, string> { ["target_database"] = "app" }));

        Assert.Contains("pg_cron is created in the database named by cron.database_name (postgres), not in app", error.Message, StringComparison.Ordinal);
        Assert.Contains("psql -d postgres -f <this file>", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, cluster.Scalar("SELECT count(*) FROM pg_extension WHERE extname = 'pg_cron'"));
    }

    [Fact]
    public void Server_without_pg_cron_preloaded_gets_the_restart_instruction_instead_of_a_missing_schema()
    {
        using var cluster = new ScratchCluster();
        var files = Write(Plan("postgresql", new PartitionRequest { Interval = PartitionInterval.Month }));

        var error = Assert.Throws<Xunit.Sdk.XunitException>(() => cluster.ApplyFile(files["schedule"], "postgres", new Dictionary<string, string> { ["target_database"] = "postgres" }));

        Assert.Contains("pg_cron is installed but not loaded: it is not in shared_preload_libraries", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("schema \"cron\" does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_role_that_may_not_create_pg_cron_is_told_what_a_superuser_runs()
    {
        using var cluster = new ScratchCluster(Preloaded);
        cluster.Execute("CREATE ROLE scheduler LOGIN");
        var files = Write(Plan("postgresql", new PartitionRequest { Interval = PartitionInterval.Month }));

        var error = Assert.Throws<Xunit.Sdk.XunitException>(() => cluster.ApplyFile(files["schedule"], "postgres", new Dictionary<string, string> { ["target_database"] = "postgres" }, user: "scheduler"));

        Assert.Contains("pg_cron is not created yet, and only a superuser can create it", error.Message, StringComparison.Ordinal);
        Assert.Contains("A superuser runs CREATE EXTENSION pg_cron once", error.Message, StringComparison.Ordinal);
    }
}
