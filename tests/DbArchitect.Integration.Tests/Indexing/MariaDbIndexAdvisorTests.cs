using DbArchitect.Core.Indexing;
using DbArchitect.Core.Live;
using DbArchitect.Integration.Tests.MariaDb;
using MySqlConnector;
using Xunit;

namespace DbArchitect.Integration.Tests.Indexing;

/// <summary>The index advisor on the real MariaDB 10.11: statements explained by the server, the catalog from information_schema.</summary>
public sealed class MariaDbIndexAdvisorTests
{
    [Fact]
    public void ExplainedStatementsGetIndexesThatTheServerThenUses()
    {
        using var scratch = MariaDbServer.CreateScratch("ixadvisor");
        using (var connection = MariaDbServer.Open(scratch.Name))
        {
            foreach (var sql in new[]
            {
                "CREATE TABLE customer (id bigint PRIMARY KEY, email varchar(100) NOT NULL, country char(2) NOT NULL)",
                "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, status varchar(20) NOT NULL, total decimal(10,2) NOT NULL, created_at datetime NOT NULL, CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customer (id))",
                "INSERT INTO customer SELECT seq, concat('u', seq, '@x.com'), elt(1 + seq % 4, 'DE', 'FR', 'US', 'GB') FROM seq_1_to_5000",
                "INSERT INTO orders SELECT seq, 1 + seq % 50, if(seq % 50 = 0, 'pending', 'shipped'), seq % 300, timestamp '2024-01-01 00:00:00' + interval seq minute FROM seq_1_to_40000",
                "CREATE INDEX ix_orders_status ON orders (status)",
                "CREATE INDEX ix_orders_status_copy ON orders (status)",
                "ANALYZE TABLE customer, orders",
            })
            {
                MariaDbServer.Execute(connection, sql);
            }
        }

        var builder = new MySqlConnectionStringBuilder(MariaDbServer.ConnectionString) { Database = scratch.Name };
        var statements = WorkloadFile.Parse("""
            -- weight: 100
            SELECT o.id, o.total FROM orders o WHERE o.customer_id = 42 ORDER BY o.created_at DESC LIMIT 10;
            -- weight: 50
            SELECT c.id FROM customer c WHERE c.email = 'u7@x.com';
            -- weight: 5
            UPDATE orders SET status = 'paid' WHERE id = 7;
            """, "workload.sql");
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("mariadb", builder.ConnectionString));
        var notes = new List<string>();
        var (advice, workload) = IndexAdvisorRun.ForLive(session, new LiveAdviceOptions { Statements = statements }, new IndexAdvisorOptions(), notes, null);

        Assert.Contains(notes, n => n.Contains("no hypothetical indexes", StringComparison.Ordinal));
        Assert.Contains(workload.Writes, w => w.Table == "orders" && w.Kind == WriteKind.Update && w.Columns.SequenceEqual(new[] { "status" }));
        var history = Assert.Single(advice.Recommendations, r => r.Action == RecommendationAction.Create && r.Table == "orders" && r.Columns[0] == "customer_id");
        Assert.Equal(new[] { "customer_id", "created_at desc" }, history.Columns.ToArray());
        Assert.Equal("Heuristic", history.Confidence);
        Assert.EndsWith("ALGORITHM=INPLACE, LOCK=NONE;", history.Sql, StringComparison.Ordinal);
        var email = Assert.Single(advice.Recommendations, r => r.Action == RecommendationAction.Create && r.Table == "customer");
        Assert.Equal(new[] { "email" }, email.Columns.ToArray());
        var duplicate = Assert.Single(advice.Recommendations, r => r.Rule == "duplicate index");
        Assert.Equal("ix_orders_status_copy", duplicate.IndexName);

        // The advice runs on the server, and the server then uses the new index for the statement it was made for.
        using var apply = MariaDbServer.Open(scratch.Name);
        foreach (var recommendation in advice.Recommendations)
        {
            MariaDbServer.Execute(apply, recommendation.Sql);
        }

        var plan = MariaDbServer.Rows(apply, "EXPLAIN SELECT o.id, o.total FROM orders o WHERE o.customer_id = 42 ORDER BY o.created_at DESC LIMIT 10");
        Assert.Equal(history.IndexName, plan[0]["key"]?.ToString());
    }

    [Fact]
    public void A_statement_held_up_by_another_sessions_table_lock_is_reported_as_a_lock_wait()
    {
        using var scratch = MariaDbServer.CreateScratch("ixlocked");
        using (var connection = MariaDbServer.Open(scratch.Name))
        {
            MariaDbServer.Execute(connection, "CREATE TABLE locked_t (id bigint PRIMARY KEY, status varchar(20) NOT NULL)");
            MariaDbServer.Execute(connection, "CREATE TABLE free_t (id bigint PRIMARY KEY, status varchar(20) NOT NULL)");
            MariaDbServer.Execute(connection, "INSERT INTO free_t SELECT seq, if(seq % 50 = 0, 'pending', 'done') FROM seq_1_to_2000");
        }

        using var holder = MariaDbServer.Open(scratch.Name);
        MariaDbServer.Execute(holder, "LOCK TABLES locked_t WRITE");
        var builder = new MySqlConnectionStringBuilder(MariaDbServer.ConnectionString) { Database = scratch.Name };
        var statements = WorkloadFile.Parse("SELECT id FROM locked_t WHERE status = 'pending';\nSELECT id FROM free_t WHERE status = 'pending';\n", "workload.sql");
        using var session = LiveSession.Open(LiveTarget.FromConnectionString("mariadb", builder.ConnectionString), new LiveSessionOptions { LockTimeout = TimeSpan.FromSeconds(1) });
        var notes = new List<string>();

        IndexAdvisorRun.ForLive(session, new LiveAdviceOptions { Statements = statements }, new IndexAdvisorOptions(), notes, null);

        var skipped = Assert.Single(notes, n => n.Contains("skipped", StringComparison.Ordinal));
        Assert.Contains("waited longer than the lock timeout", skipped, StringComparison.Ordinal);
        Assert.DoesNotContain("placeholders", skipped, StringComparison.Ordinal);
        MariaDbServer.Execute(holder, "UNLOCK TABLES");
    }
}
