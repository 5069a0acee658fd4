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
        MariaDbServer.ApplyWithClient(db.Name, new[] { files["table"], files["maintenance"], files["maintenance"] });
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
