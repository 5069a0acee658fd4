using DbArchitect.Core.Partitioning;
using DbArchitect.Integration.Tests.MariaDb;
using Xunit;
using static DbArchitect.Integration.Tests.Partitioning.PartitionFixture;

namespace DbArchitect.Integration.Tests.Partitioning;

/// <summary>The MariaDB RANGE plan on the real MariaDB 10.11: partitions made ahead by the maintenance procedure, rows routed, expired partitions dropped.</summary>
public sealed class MariaDbPartitionTests
{
    private static List<string> Partitions(MySqlConnector.MySqlConnection connection, string table) =>
        MariaDbServer.Rows(connection, "SELECT PARTITION_NAME AS name FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = @t ORDER BY PARTITION_ORDINAL_POSITION", ("@t", table))
            .Select(r => (string)r["name"]!).ToList();

    private static long Count(MySqlConnector.MySqlConnection connection, string sql) =>
        Convert.ToInt64(MariaDbServer.Rows(connection, sql)[0].Values.First(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Range_plan_reorganizes_maxvalue_into_future_months_and_drops_expired_ones()
    {
        var script = Plan("mariadb", new PartitionRequest { Interval = PartitionInterval.Month, Premake = 3 });
        Assert.Contains(script.Plan.ConstraintChanges, c => c.Constraint == "event_pkey" || c.Change.Contains("primary key", StringComparison.Ordinal));
        var files = Write(script);
        using var db = MariaDbServer.CreateScratch("partrange");
        MariaDbServer.ApplyWithClient(db.Name, new[] { files["table"], files["maintenance"], files["maintenance"], files["alert-maxvalue-rows"] });
        using var connection = MariaDbServer.Open(db.Name);
        Assert.Contains("pmax", Partitions(connection, "event"));

        // Range partitions only grow upwards, so time travel to 2025 starts from a fresh table.
        MariaDbServer.Execute(connection, "DROP TABLE event");
        MariaDbServer.ApplyWithClient(db.Name, new[] { files["table"] });
        MariaDbServer.Execute(connection, "CALL event_partition_maintenance('2025-01-15')");
        Assert.Equal(new[] { "p202501", "p202502", "p202503", "p202504", "pmax" }, Partitions(connection, "event"));

        for (var month = 1; month <= 12; month++)
        {
            MariaDbServer.Execute(connection, $"INSERT INTO event (kind, payload, amount, created_at) SELECT 'click', 'x', seq, TIMESTAMP '2025-{month:00}-03 00:00:00' + INTERVAL seq MINUTE FROM seq_1_to_100");
        }

        // Rows after April sit in pmax; maintenance for 2025-12-20 splits them out into their months.
        Assert.Equal(800L, Count(connection, "SELECT COUNT(*) FROM event PARTITION (pmax)"));
        MariaDbServer.Execute(connection, "CALL event_partition_maintenance('2025-12-20')");
        Assert.Equal(100L, Count(connection, "SELECT COUNT(*) FROM event PARTITION (p202507)"));
        Assert.Equal(0L, Count(connection, "SELECT COUNT(*) FROM event PARTITION (pmax)"));
        Assert.Contains("p202603", Partitions(connection, "event"));

        // A year later, partitions whose upper bound is before 2025-03-10 have expired.
        MariaDbServer.Execute(connection, "CALL event_partition_maintenance('2026-03-10')");
        var partitions = Partitions(connection, "event");
        Assert.DoesNotContain("p202501", partitions);
        Assert.DoesNotContain("p202502", partitions);
        Assert.Contains("p202503", partitions);
        Assert.Contains("p202606", partitions);
        Assert.Equal(1000L, Count(connection, "SELECT COUNT(*) FROM event"));
    }

    [Fact]
    public void List_and_hash_plans_route_rows_on_mariadb()
    {
        using var db = MariaDbServer.CreateScratch("partlist");
        var list = Write(Plan("mariadb", new PartitionRequest { Strategy = PartitionStrategy.List, Column = "kind" }));
        MariaDbServer.ApplyWithClient(db.Name, new[] { list["table"] });
        using var connection = MariaDbServer.Open(db.Name);
        MariaDbServer.Execute(connection, "INSERT INTO event (kind, created_at) SELECT ELT(1 + seq % 3, 'click', 'view', 'buy'), NOW() FROM seq_1_to_300");
        Assert.Equal(100L, Count(connection, "SELECT COUNT(*) FROM event PARTITION (p_view)"));
        MariaDbServer.Execute(connection, "DROP TABLE event");
        var hash = Write(Plan("mariadb", new PartitionRequest { Strategy = PartitionStrategy.Hash, Column = "id", HashPartitions = 4 }));
        MariaDbServer.ApplyWithClient(db.Name, new[] { hash["table"] });
        Assert.Equal(4, Partitions(connection, "event").Count);
    }
}

/// <summary>Converting a populated MariaDB table: keys prepared, rebuilt partitioned, fingerprint equal, rollback restores it.</summary>
public sealed class MariaDbConversionTests
{
    private const string Tables = """
        CREATE TABLE customer (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40) NOT NULL);
        CREATE TABLE orders (
            id BIGINT AUTO_INCREMENT PRIMARY KEY,
            code VARCHAR(20) NOT NULL UNIQUE,
            customer_id BIGINT NOT NULL,
            total DECIMAL(12,2) NOT NULL,
            created_at DATETIME(6) NOT NULL,
            CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE
        );
        CREATE TABLE shipment (id BIGINT AUTO_INCREMENT PRIMARY KEY, order_id BIGINT NOT NULL, CONSTRAINT fk_shipment_order FOREIGN KEY (order_id) REFERENCES orders (id));
        INSERT INTO customer (name) SELECT CONCAT('c', seq) FROM seq_1_to_50;
        INSERT INTO orders (code, customer_id, total, created_at) SELECT CONCAT('o', seq), 1 + seq % 50, seq % 1000 / 10, TIMESTAMP '2024-01-01 00:00:00' + INTERVAL seq * 13 MINUTE FROM seq_1_to_60000;
        INSERT INTO shipment (order_id) SELECT seq FROM seq_1_to_100;
        """;

    [Fact]
    public void Populated_table_is_converted_with_the_same_fingerprint_and_rolled_back()
    {
        using var db = MariaDbServer.CreateScratch("partconvert");
        using var connection = MariaDbServer.Open(db.Name);
        foreach (var statement in Tables.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            MariaDbServer.Execute(connection, statement);
        }

        var engine = DbArchitect.Core.Engines.EngineRegistry.Get("mariadb");
        PartitionScript script;
        var builder = new MySqlConnector.MySqlConnectionStringBuilder(MariaDbServer.ConnectionString) { Database = db.Name };
        using (var session = DbArchitect.Core.Live.LiveSession.Open(DbArchitect.Core.Live.LiveTarget.FromConnectionString("mariadb", builder.ConnectionString)))
        {
            var target = engine.Partitioning!.ReadLive(session, null, "orders", "created_at");
            script = PartitionPlanner.Script(engine, target, new PartitionRequest { Column = "created_at", Interval = PartitionInterval.Quarter, Premake = 2 });
        }

        Assert.Contains(script.Plan.ConstraintChanges, c => c.Constraint == "fk_orders_customer");
        Assert.Contains(script.Plan.ConstraintChanges, c => c.Constraint == "fk_shipment_order");
        Assert.Contains(script.Plan.ConstraintChanges, c => c.Constraint == "code");
        var files = Write(script);
        MariaDbServer.ApplyWithClient(db.Name, new[] { files["fingerprint-before"], files["prepare-keys"], files["partition"], files["verify"], files["maintenance"] });
        var partitions = MariaDbServer.Rows(connection, "SELECT PARTITION_NAME AS name FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' ORDER BY PARTITION_ORDINAL_POSITION").Select(r => (string)r["name"]!).ToList();
        Assert.Equal("p2024q1", partitions[0]);
        Assert.Contains("p2025q2", partitions);
        Assert.Equal("pmax", partitions[^1]);
        Assert.Equal(60000L, Convert.ToInt64(MariaDbServer.Rows(connection, "SELECT COUNT(*) AS n FROM orders")[0]["n"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(MariaDbServer.Rows(connection, "SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()"));
        MariaDbServer.ApplyWithClient(db.Name, new[] { files["orphan-check"], files["rollback"] });
        Assert.Empty(MariaDbServer.Rows(connection, "SELECT 1 FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND PARTITION_NAME IS NOT NULL"));
        Assert.Equal(2, MariaDbServer.Rows(connection, "SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()").Count);
        MariaDbServer.ApplyWithClient(db.Name, new[] { files["verify"] });

        // The verification is not a formality: one lost row fails it.
        MariaDbServer.Execute(connection, "DELETE FROM shipment WHERE order_id = 7");
        MariaDbServer.Execute(connection, "DELETE FROM orders WHERE id = 7");
        var error = Assert.Throws<InvalidOperationException>(() => MariaDbServer.ApplyWithClient(db.Name, new[] { files["verify"] }));
        Assert.Contains("verification failed: 60000 rows before, 59999 after", error.Message, StringComparison.Ordinal);
    }
}
