using DbArchitect.Core.Model;
using Npgsql;
using static DbArchitect.Integration.Tests.AppliedDesign;

namespace DbArchitect.Integration.Tests;

/// <summary>
/// The monitoring and maintenance files of every spec apply to real PostgreSQL 15 with pg_stat_statements and pg_cron
/// loaded: the health views answer, the pg_cron jobs land in cron.job for the design's database (and are removed
/// again), and the index rebuild script runs its REINDEX CONCURRENTLY statements at top level.
/// </summary>
public sealed class MonitoringAndMaintenanceTests
{
    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        foreach (var spec in TestPaths.DesignSpecs())
        {
            data.Add(spec.Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void MonitoringViewsAndCronJobsApplyAndAnswer(string spec)
    {
        using var applied = new AppliedDesign(spec);
        var database = applied.Database.Name;
        var files = new[] { "monitoring/health.sql", "monitoring/pg_stat_statements.sql" }.Where(applied.Exported).Select(applied.File).ToList();
        Assert.Equal(2, files.Count);
        PostgresServer.ApplyWithPsql(database, files);
        PostgresServer.ApplyWithPsql(database, new[] { applied.File("maintenance/reindex_bloated.sql") });

        var schema = applied.Quote(applied.Design.Physical.Schema);
        using (var db = applied.Database.Open())
        {
            Assert.Equal(1L, Scalar(db, $"SELECT count(*) FROM {schema}.database_health"));
            // Partitions and their indexes are reported one by one (bloat and vacuum are per partition), beside the design's.
            var inSchema = $"JOIN pg_namespace AS n ON n.oid = c.relnamespace WHERE n.nspname = '{applied.Design.Physical.Schema.Replace("'", "''", StringComparison.Ordinal)}' AND c.relispartition";
            var partitions = (long)Scalar(db, $"SELECT count(*) FROM pg_class AS c {inSchema} AND c.relkind = 'r'")!;
            var partitionIndexes = (long)Scalar(db, $"SELECT count(*) FROM pg_class AS c {inSchema} AND c.relkind = 'i'")!;
            Assert.Equal(applied.Design.Physical.Tables.Count + partitions, Scalar(db, $"SELECT count(*) FROM {schema}.table_health"));
            Assert.Equal(applied.Design.Physical.Tables.Sum(t => t.Indexes.Count + 1 + t.UniqueKeys.Count) + partitionIndexes,
                Scalar(db, $"SELECT count(*) FROM {schema}.index_health"));
            Assert.IsType<long>(Scalar(db, $"SELECT count(*) FROM {schema}.top_statements"));
        }

        var cronJobs = applied.Design.Maintenance.Jobs.Where(j => j.Runner == "pg_cron").ToList();
        try
        {
            PostgresServer.ApplyWithPsql("postgres", new[] { applied.File("maintenance/jobs.sql") }, new Dictionary<string, string> { ["database"] = database });
            PostgresServer.ApplyWithPsql("postgres", new[] { applied.File("maintenance/jobs.sql") }, new Dictionary<string, string> { ["database"] = database });
            using var cron = new NpgsqlConnection(PostgresServer.For("postgres"));
            cron.Open();
            Assert.Equal((long)cronJobs.Count, Scalar(cron, $"SELECT count(*) FROM cron.job WHERE jobname LIKE '{database}: %'"));
            foreach (var job in cronJobs.Where(j => j.Command.StartsWith("VACUUM", StringComparison.Ordinal)))
            {
                Assert.Equal(1L, Scalar(cron, $"SELECT count(*) FROM cron.job WHERE jobname = '{database}: {job.Name.Replace("'", "''", StringComparison.Ordinal)}' AND database = '{database}' AND schedule = '{job.Schedule}' AND command = '{job.Command.Replace("'", "''", StringComparison.Ordinal)}'"));
            }

            // The scheduled commands run as written in the design's database.
            using var db = applied.Database.Open();
            foreach (var job in cronJobs.Where(j => j.Command.StartsWith("VACUUM", StringComparison.Ordinal)))
            {
                Execute(db, job.Command);
            }
        }
        finally
        {
            using var cron = new NpgsqlConnection(PostgresServer.For("postgres"));
            cron.Open();
            Execute(cron, $"SELECT cron.unschedule(jobid) FROM cron.job WHERE jobname LIKE '{database}: %'");
            Assert.Equal(0L, Scalar(cron, $"SELECT count(*) FROM cron.job WHERE jobname LIKE '{database}: %'"));
        }
    }

    [Fact]
    public void HighWriteTablesGetVacuumJobsAndTheScriptRefusesToRunWithoutADatabase()
    {
        using var shop = new AppliedDesign("ecommerce.yaml");
        var jobs = shop.Design.Maintenance.Jobs;
        Assert.Contains(jobs, j => j.Name == "vacuum analyze " + shop.Entity("order").Name);
        Assert.DoesNotContain(jobs, j => j.Name == "vacuum analyze " + shop.Entity("category").Name);
        var error = Assert.Throws<Xunit.Sdk.XunitException>(() => PostgresServer.ApplyWithPsql("postgres", new[] { shop.File("maintenance/jobs.sql") }));
        Assert.Contains("Name the design database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRebuildScriptReindexesABloatedIndexConcurrentlyAndLeavesHealthyOnesAlone()
    {
        using var shop = new AppliedDesign("ecommerce.yaml");
        PostgresServer.ApplyWithPsql(shop.Database.Name, new[] { shop.File("monitoring/health.sql") });
        var category = shop.Entity("category");
        var customer = shop.Entity("customer");
        var schema = shop.Design.Physical.Schema;
        using var db = shop.Database.Open();
        Execute(db, $"INSERT INTO {shop.Q(category)} ({shop.C(category, "name")}) SELECT 'category ' || g FROM generate_series(1, 50000) g");
        Execute(db, $"INSERT INTO {shop.Q(customer)} ({shop.C(customer, "email")}, {shop.C(customer, "full_name")}) SELECT 'c' || g || '@example.com', 'C' FROM generate_series(1, 20000) g");
        Execute(db, $"DELETE FROM {shop.Q(category)} WHERE random() < 0.95");
        Execute(db, $"VACUUM ANALYZE {shop.Q(category)}");
        Execute(db, $"VACUUM ANALYZE {shop.Q(customer)}");

        string Files(Table table) =>
            $"SELECT string_agg(c.relname || '=' || c.relfilenode, ',' ORDER BY c.relname) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = '{shop.Q(table)}'::regclass";
        var bloat = Scalar(db, $"SELECT max(estimated_bloat_ratio) FROM {shop.Quote(schema)}.index_health WHERE table_name = '{category.Name}'");
        Assert.True(Convert.ToDouble(bloat, System.Globalization.CultureInfo.InvariantCulture) > 0.8, $"estimated bloat {bloat}");
        var healthy = Scalar(db, $"SELECT string_agg(index_name || ' ' || index_bytes || ' ' || coalesce(estimated_bloat_ratio::text, '-'), '; ') FROM {shop.Quote(schema)}.index_health WHERE table_name = '{customer.Name}'");
        Assert.True(Convert.ToDouble(Scalar(db, $"SELECT max(estimated_bloat_ratio) FROM {shop.Quote(schema)}.index_health WHERE table_name = '{customer.Name}'"), System.Globalization.CultureInfo.InvariantCulture) < 0.5, $"customer indexes: {healthy}");
        var categoryBefore = (string)Scalar(db, Files(category))!;
        var customerBefore = (string)Scalar(db, Files(customer))!;

        PostgresServer.ApplyWithPsql(shop.Database.Name, new[] { shop.File("maintenance/reindex_bloated.sql") }, new Dictionary<string, string> { ["min_bytes"] = "0" });

        Assert.NotEqual(categoryBefore, (string)Scalar(db, Files(category))!);
        Assert.Equal(customerBefore, (string)Scalar(db, Files(customer))!);
        Assert.True(Convert.ToDouble(Scalar(db, $"SELECT max(estimated_bloat_ratio) FROM {shop.Quote(schema)}.index_health WHERE table_name = '{category.Name}'"), System.Globalization.CultureInfo.InvariantCulture) < 0.3);
        Assert.Equal(0L, Scalar(db, $"SELECT count(*) FROM {shop.Quote(schema)}.index_health WHERE NOT is_valid"));
    }
}
