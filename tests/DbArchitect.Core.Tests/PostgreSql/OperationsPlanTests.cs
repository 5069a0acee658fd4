using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.PostgreSql;

/// <summary>
/// The monitoring, maintenance and security plans of the examples: job frequencies follow write rates, the generated
/// files say where they run, the roles and host access rules are least-privilege and TLS-only, and design.md shows them.
/// </summary>
public sealed class OperationsPlanTests
{
    private static DbDesign Example(string file) =>
        DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.Examples, file)), "postgresql");

    private static string Script(DbDesign design, string path) =>
        EngineRegistry.Get("postgresql").Scripts.Generate(design).Single(s => s.RelativePath == path).Text;

    [Fact]
    public void VacuumJobsRunMoreOftenTheFasterATableIsWritten()
    {
        var iot = Example("iot-telemetry.yaml").Maintenance.Jobs;
        var shop = Example("ecommerce.yaml");
        var reading = Assert.Single(iot, j => j.Name == "vacuum analyze reading");
        Assert.Equal("0-59/15 * * * *", reading.Schedule); // 1.7 billion rows/day: the shortest interval
        Assert.Contains("1,728,000,000 rows/day", reading.Reason, StringComparison.Ordinal);

        var order = Assert.Single(shop.Maintenance.Jobs, j => j.Name == "vacuum analyze order");
        Assert.EndsWith(" */12 * * *", order.Schedule, StringComparison.Ordinal); // 1% of 1.5M rows at 20,000/day ≈ 18 h
        Assert.Equal("VACUUM (ANALYZE) shop_fast.\"order\"", order.Command);
        Assert.DoesNotContain(shop.Maintenance.Jobs, j => j.Name == "vacuum analyze product"); // 50 rows/day
        Assert.Contains(shop.Decisions, d => d.Area == DesignAreas.MonitoringAndMaintenance && d.Subject == "order" && d.Decision.Contains("every 12 hours", StringComparison.Ordinal));
        Assert.DoesNotContain(shop.Maintenance.Jobs, j => j.Name == "partition maintenance"); // no table is partitioned yet
    }

    [Fact]
    public void CronJobsAreScheduledIntoTheNamedDatabaseAndIndexRebuildsRunAtTopLevel()
    {
        var shop = Example("ecommerce.yaml");
        var jobs = Script(shop, "maintenance/jobs.sql");
        Assert.Contains("\\if :{?database}", jobs, StringComparison.Ordinal);
        Assert.Contains("SELECT cron.schedule_in_database(:'database' || ': vacuum analyze order', ", jobs, StringComparison.Ordinal);
        Assert.Contains("SELECT cron.schedule(:'database' || ': purge cron history', '0 4 * * *', ", jobs, StringComparison.Ordinal);

        var reindex = Script(shop, "maintenance/reindex_bloated.sql");
        Assert.Contains("\\gexec", reindex, StringComparison.Ordinal);
        Assert.DoesNotContain("CREATE PROCEDURE", reindex, StringComparison.Ordinal);
        Assert.Contains("FROM shop_fast.index_health h", reindex, StringComparison.Ordinal);
        Assert.Contains("GRANT SELECT ON shop_fast.database_health, shop_fast.table_health, shop_fast.index_health TO shop_fast_reporting;", Script(shop, "monitoring/health.sql"), StringComparison.Ordinal);
    }

    [Fact]
    public void SecurityPlanHasFourGroupRolesAndTlsOnlyScramAccess()
    {
        var saas = Example("saas-projects.yaml");
        Assert.Equal(new[] { "taskcloud_owner", "taskcloud_app", "taskcloud_readonly", "taskcloud_reporting" }, saas.Security.Roles.Select(r => r.Name));
        var reporting = saas.Security.Roles[3];
        Assert.Equal(new[] { "taskcloud_readonly", "pg_read_all_stats" }, reporting.MemberOf);
        Assert.StartsWith("all tenants", reporting.Privileges["tenant rows"], StringComparison.Ordinal);
        Assert.Equal("own tenant only (app.tenant_id)", saas.Security.Roles[1].Privileges["tenant rows"]);
        Assert.All(saas.Security.Roles, r => Assert.Contains(" LOGIN CONNECTION LIMIT ", r.LoginExample, StringComparison.Ordinal));

        // 32 cores behind a pooler: the application's share is a pool of 3 per core.
        Assert.Equal(96, saas.Security.Roles[1].LoginConnectionLimit);

        var hba = saas.Security.HostAccess;
        Assert.All(hba.Where(r => r.Type.StartsWith("host", StringComparison.Ordinal)), r => Assert.True(r.Type == "hostssl" || r.Method == "reject", r.Type + " " + r.User));
        Assert.DoesNotContain(hba, r => r.Method is "md5" or "trust" or "password");
        var file = Script(saas, "security/pg_hba.conf");
        Assert.Contains("hostssl    taskcloud  +taskcloud_app", file, StringComparison.Ordinal);
        Assert.Contains("hostnossl  all        all", file, StringComparison.Ordinal);
        Assert.Contains(saas.Decisions, d => d.Area == DesignAreas.Security && d.Subject == "Tenant isolation");
        Assert.DoesNotContain(Example("ecommerce.yaml").Decisions, d => d.Area == DesignAreas.Security && d.Subject == "Tenant isolation");
    }

    [Fact]
    public void DesignDocumentShowsTheJobsViewsRoleMatrixAndHostAccess()
    {
        var saas = Example("saas-projects.yaml");
        var md = DesignExporter.Plan(saas).Single(f => f.RelativePath == DesignExporter.DocumentFile).Content;
        Assert.Contains("#### Maintenance jobs", md, StringComparison.Ordinal);
        Assert.Contains("| vacuum analyze Task | `", md, StringComparison.Ordinal);
        Assert.Contains("#### Health views", md, StringComparison.Ordinal);
        Assert.Contains("`taskcloud.database_health`", md, StringComparison.Ordinal);
        Assert.Contains("#### Role matrix", md, StringComparison.Ordinal);
        Assert.Contains("| Role | schema | tables | audit tables | sequences | monitoring views | tenant rows | Member of | Login limit |", md, StringComparison.Ordinal);
        Assert.Contains("CREATE ROLE taskcloud_app_login LOGIN CONNECTION LIMIT 96 IN ROLE taskcloud_app;", md, StringComparison.Ordinal);
        Assert.Contains("hostnossl  all  all  0.0.0.0/0  reject", md, StringComparison.Ordinal);
        Assert.Equal(md, DesignExporter.Plan(Example("saas-projects.yaml")).Single(f => f.RelativePath == DesignExporter.DocumentFile).Content);
    }
}
