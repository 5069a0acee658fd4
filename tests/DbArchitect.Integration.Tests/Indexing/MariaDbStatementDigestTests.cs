using DbArchitect.Core.Engines.MySql;
using DbArchitect.Core.Indexing;
using DbArchitect.Core.Live;
using DbArchitect.Integration.Tests.MariaDb;
using MySqlConnector;
using Xunit;

namespace DbArchitect.Integration.Tests.Indexing;

/// <summary>
/// Live mode without -Workload on the real MariaDB 10.11, where performance_schema is off: the advisor says so and
/// reviews the existing indexes only; the digest queries themselves run on the server; a digest's text is explained.
/// </summary>
public sealed class MariaDbStatementDigestTests
{
    private static MariaDbScratch Shop()
    {
        var scratch = MariaDbServer.CreateScratch("ixdigest");
        using var connection = MariaDbServer.Open(scratch.Name);
        foreach (var sql in new[]
        {
            "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, status varchar(20) NOT NULL, created_at datetime NOT NULL, total decimal(10,2) NOT NULL)",
            "INSERT INTO orders SELECT seq, 1 + seq % 500, if(seq % 50 = 0, 'pending', 'shipped'), timestamp '2024-01-01 00:00:00' + interval seq minute, seq % 300 FROM seq_1_to_30000",
            "CREATE INDEX ix_orders_status ON orders (status)",
            "CREATE INDEX ix_orders_status_copy ON orders (status)",
            "ANALYZE TABLE orders",
        })
        {
            MariaDbServer.Execute(connection, sql);
        }

        return scratch;
    }

    private static LiveSession Open(MariaDbScratch scratch) =>
        LiveSession.Open(LiveTarget.FromConnectionString("mariadb", new MySqlConnectionStringBuilder(MariaDbServer.ConnectionString) { Database = scratch.Name }.ConnectionString));

    [Fact]
    public void WithPerformanceSchemaOffTheAdviceSaysSoAndStillReviewsTheIndexes()
    {
        using var scratch = Shop();
        using var session = Open(scratch);
        Assert.Equal(0L, Convert.ToInt64(session.Scalar("SELECT @@performance_schema", "test"), System.Globalization.CultureInfo.InvariantCulture));
        var notes = new List<string>();
        var (advice, workload) = IndexAdvisorRun.ForLive(session, new LiveAdviceOptions(), new IndexAdvisorOptions(), notes, null);
        Assert.Empty(workload.Queries);
        Assert.Contains(notes, n => n.StartsWith("warning: performance_schema is off on this server, so its statement digests", StringComparison.Ordinal));
        Assert.Contains(advice.Recommendations, r => r.Rule == "duplicate index");
    }

    [Fact]
    public void TheDigestQueriesRunOnTheServer()
    {
        using var scratch = Shop();
        using var session = Open(scratch);
        Assert.Equal(0L, Convert.ToInt64(session.Scalar(MySqlStatementDigests.SampleColumnSql, "test"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(session.Query(MySqlStatementDigests.Sql(false), "test"));
    }

    [Fact]
    public void ADigestTextIsExplainedIntoAnIndex()
    {
        using var scratch = Shop();
        using var session = Open(scratch);
        var text = MySqlStatementDigests.Explainable("SELECT `o` . `id` , `o` . `total` FROM `orders` `o` WHERE `o` . `customer_id` = ? ORDER BY `o` . `created_at` DESC LIMIT ?")!;
        var notes = new List<string>();
        var (advice, workload) = IndexAdvisorRun.ForLive(session, new LiveAdviceOptions { Statements = new[] { new WorkloadStatement("d1", text, 900, "performance_schema digest") } },
            new IndexAdvisorOptions(), notes, null);
        Assert.Single(workload.Queries);
        Assert.Contains(advice.Recommendations, r => r.Action == RecommendationAction.Create && r.Columns.SequenceEqual(new[] { "customer_id", "created_at desc" }));
    }
}
