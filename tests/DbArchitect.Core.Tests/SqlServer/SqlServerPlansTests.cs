using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Export;

namespace DbArchitect.Core.Tests.SqlServer;

/// <summary>Query templates, configuration, backup, maintenance and the design document of a SQL Server design.</summary>
public sealed class SqlServerPlansTests
{
    private static readonly DbDesign Shop = SqlServerModels.Named("shop");

    private static QueryTemplate Template(string pattern) => Shop.QueryTemplates.Single(t => t.AccessPattern == pattern);

    [Fact]
    public void KeysetPagesUseTopAndTheExpandedCursorPredicateNeverOffset()
    {
        var template = Template("customer order history");
        Assert.Equal(QueryShape.KeysetPage, template.Shape);
        var next = template.Statements[1].Sql;
        Assert.Contains("SELECT TOP (20)", next, StringComparison.Ordinal);
        Assert.Contains("(t.[created_at] < @p2 OR (t.[created_at] = @p2 AND t.[id] < @p3))", next, StringComparison.Ordinal);
        Assert.DoesNotContain("OFFSET", string.Join("\n", Shop.QueryTemplates.SelectMany(t => t.Statements).Select(s => s.Sql)), StringComparison.Ordinal);
        Assert.Contains("ix_order_customer_id_created_at", template.ServingIndexes);
    }

    [Fact]
    public void TimeBucketsUseDatetruncAndWindowFunctions()
    {
        var sql = Template("daily revenue").Statements.Single().Sql;
        Assert.Contains("DATETRUNC(day, t.[created_at])", sql, StringComparison.Ordinal);
        Assert.Contains("ROWS BETWEEN 6 PRECEDING AND CURRENT ROW", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void SearchUsesTheFullTextIndex()
    {
        var sql = Template("product search").Statements.Single().Sql;
        Assert.Contains("CONTAINSTABLE([shop_fast].[product], ([name], [description]), @p1)", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY ft.[RANK] DESC", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void EmailLookupIsPlainEqualityUnderTheCaseInsensitiveCollation()
    {
        var sql = Template("customer by email").Statements.Single().Sql;
        Assert.Contains("t.[email] = @p1", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("LOWER", sql, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ConfigurationLeavesTheOperatingSystemHeadroomAndFollowsTheMaxdopRule()
    {
        var config = Shop.Configuration!;
        // 64 GB: 1 + 16/4 + 48/8 = 11 GB for the OS.
        Assert.Equal("54272", config.Find("max server memory (MB)")!.Value);
        Assert.Equal("50", config.Find("cost threshold for parallelism")!.Value);
        Assert.Equal("8", config.Find("tempdb data files")!.Value);
        Assert.Contains("EXEC sys.sp_configure N'optimize for ad hoc workloads', 1;", config.ConfigFile, StringComparison.Ordinal);
        Assert.DoesNotContain(config.Settings, s => s.Source == ConfigSource.PgTune);
    }

    [Fact]
    public void BackupChainMeetsTheObjectivesWithLogBackupsWithinTheRpo()
    {
        var plan = Shop.Backup!;
        Assert.True(plan.Archiving.TimeoutSeconds / 60 + 1 <= plan.Objectives.RpoMinutes);
        Assert.All(plan.Estimates, e => Assert.True(e.MeetsTarget, e.Scenario + ": " + e.Arithmetic));
        var restore = SqlServerDesigns.Scripts(Shop).Single(s => s.RelativePath == "backup/restore.sql").Text;
        Assert.Contains("WITH NORECOVERY, REPLACE, CHECKSUM", restore, StringComparison.Ordinal);
        Assert.Contains("STOPAT = @stop_at", restore, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 2 * * 0", 8, 1, 20000)]
    [InlineData("30 1 * * *", 4, 1, 13000)]
    [InlineData("0 1 * * 1-6", 8, 126, 10000)]
    public void CronSchedulesBecomeAgentSchedules(string cron, int type, int interval, int time) =>
        Assert.Equal((type, interval, time), Engines.SqlServer.SqlServerMaintenance.Schedule(cron));

    [Fact]
    public void ARegularExpressionCheckIsLeftOutWithItsReason()
    {
        var design = SqlServerDesigns.Design("tests/fixtures/hostile/quotes-and-comments.yaml");
        var decision = Assert.Single(design.Decisions, d => d.Subject.StartsWith("note.", StringComparison.Ordinal) && d.Decision == "Not declared");
        Assert.Contains("regular expressions", decision.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(design.Physical.FindTable("note")!.Checks, c => c.Column == "pattern");
    }

    [Fact]
    public void DesignDocumentSpeaksSqlServerNotPostgreSql()
    {
        var markdown = DesignExporter.Plan(SqlServerModels.Named("tenant-shop")).Single(f => f.RelativePath == "design.md").Content;
        foreach (var word in new[] { "psql", "pg_cron", "pg_hba", "autovacuum", "libpq", "jsonb", "timestamptz", "postgresql.conf" })
        {
            Assert.DoesNotContain(word, markdown, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("SECURITY POLICY", markdown, StringComparison.Ordinal);
        Assert.Contains("NEWSEQUENTIALID()", markdown, StringComparison.Ordinal);
    }
}
