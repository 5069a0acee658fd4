using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Partitioning;
using DbArchitect.Core.Requirements;
using Xunit;
using static DbArchitect.Integration.Tests.Partitioning.PartitionFixture;

namespace DbArchitect.Integration.Tests.Partitioning;

/// <summary>
/// pg_partman mode for an existing, populated table on the real PostgreSQL 15 with pg_partman 4.7: a partitioned copy
/// under pg_partman, the keyset copy, partition_data_proc moving the old periods out of DEFAULT, verification, the swap
/// by renaming (pg_partman's configuration and partitions follow), and no row lost.
/// </summary>
public sealed class PostgreSqlPartmanConversionTests
{
    private static PartitionScript PlanFor(ScratchDatabase db, Retention? retention = null) =>
        LivePlan(db, "orders", new PartitionRequest { Column = "created_at", Mode = PostgreSqlPartitionModes.PgPartman, Interval = PartitionInterval.Month, Premake = 2, Retention = retention });

    private static void InstallPartman(ScratchDatabase db)
    {
        using var connection = db.Open();
        Execute(connection, "CREATE SCHEMA partman; CREATE EXTENSION pg_partman SCHEMA partman");
    }

    [Fact]
    public void Populated_table_is_converted_under_pg_partman_with_partition_data_proc_without_losing_a_row()
    {
        using var db = PostgresServer.CreateScratch("partmanconv");
        InstallPartman(db);
        using var connection = db.Open();
        Execute(connection, OrdersTable);
        var script = PlanFor(db);
        Assert.Equal(4, script.Plan.PartmanVersion);
        Assert.Equal(
            new[] { "create-partitioned", "sync-trigger", "copy", "partition-data", "verify", "swap", "schedule", "alert-default-rows", "drop-old", "rollback" },
            script.Steps.Select(s => s.Name));
        var files = Write(script);
        var keysBefore = Strings(connection, "SELECT conname FROM pg_constraint WHERE conrelid = 'public.orders'::regclass AND contype = 'p'");

        PostgresServer.ApplyWithPsql(db.Name, new[] { files["create-partitioned"], files["create-partitioned"], files["sync-trigger"] });
        Assert.Equal(new[] { "public.orders_partitioned" }, Strings(connection, "SELECT parent_table FROM partman.part_config"));
        Execute(connection, "CALL public.orders_partition_copy(5000, 3)");
        Execute(connection, "INSERT INTO public.orders (code, customer, total, created_at) VALUES ('new1', 1, 5, '2024-03-01'), ('new2', 2, 6, '2025-02-01')");
        Execute(connection, "UPDATE public.orders SET total = total + 1 WHERE id IN (10, 40000)");
        Execute(connection, "DELETE FROM public.orders WHERE id IN (11, 50000)");
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["copy"] });

        // The copied periods are older than create_parent's window: they wait in DEFAULT until partition_data_proc moves them.
        var waiting = (long)Scalar(connection, "SELECT count(*) FROM public.orders_partitioned_default")!;
        Assert.Equal(60000L, waiting);
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["partition-data"], files["partition-data"] });
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM public.orders_partitioned_default"));
        Assert.Contains("orders_partitioned_p2024_01", Partitions(connection, "public.orders_partitioned"));

        var before = Fingerprint(connection, "public.orders");
        Assert.Equal(60000L, before.Rows);
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["verify"], files["swap"], files["swap"] });
        Assert.Equal("p", Scalar(connection, "SELECT relkind::text FROM pg_class WHERE oid = 'public.orders'::regclass"));
        Assert.Equal(before, Fingerprint(connection, "public.orders"));
        var partitions = Partitions(connection, "public.orders");
        Assert.Contains("orders_p2024_01", partitions);
        Assert.Contains("orders_default", partitions);
        Assert.DoesNotContain(partitions, p => p.StartsWith("orders_partitioned", StringComparison.Ordinal));
        Assert.Equal(new[] { "public.orders" }, Strings(connection, "SELECT parent_table FROM partman.part_config"));
        Assert.Equal(keysBefore, Strings(connection, "SELECT conname FROM pg_constraint WHERE conrelid = 'public.orders'::regclass AND contype = 'p'"));
        Assert.Contains("orders_customer", Strings(connection, "SELECT c.relname FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid WHERE i.indrelid = 'public.orders'::regclass"));

        // pg_partman maintains the renamed table: its next partitions follow the renamed ones, rows keep flowing to both tables.
        Execute(connection, "SELECT partman.run_maintenance('public.orders')");
        Assert.DoesNotContain(Partitions(connection, "public.orders"), p => p.StartsWith("orders_partitioned", StringComparison.Ordinal));
        Execute(connection, $"INSERT INTO public.orders (code, customer, total, created_at) VALUES ('after', 3, 7, now())");
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM public.orders_default"));
        Assert.Equal(Fingerprint(connection, "public.orders_unpartitioned"), Fingerprint(connection, "public.orders"));

        PostgresServer.ApplyWithPsql(db.Name, new[] { files["drop-old"] });
        Assert.Null(Scalar(connection, "SELECT to_regclass('public.orders_unpartitioned')::text"));
        Assert.Equal(before.Rows + 1, Fingerprint(connection, "public.orders").Rows);
    }

    [Fact]
    public void Retention_reaches_pg_partman_only_at_the_swap_and_rollback_restores_the_table_and_removes_the_registration()
    {
        using var db = PostgresServer.CreateScratch("partmanback");
        InstallPartman(db);
        using var connection = db.Open();
        Execute(connection, OrdersTable);
        var before = Fingerprint(connection, "public.orders");
        var files = Write(PlanFor(db, new Retention(1, RetentionUnit.Year)));

        // Nothing may expire before verification: the retention reaches part_config only with the swap.
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["create-partitioned"], files["sync-trigger"], files["copy"], files["partition-data"], files["verify"] });
        Assert.Equal(new[] { string.Empty }, Strings(connection, "SELECT retention FROM partman.part_config"));
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["swap"] });
        Assert.Equal(new[] { "1 year" }, Strings(connection, "SELECT retention FROM partman.part_config WHERE parent_table = 'public.orders'"));
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["rollback"], files["rollback"] });
        Assert.Equal("r", Scalar(connection, "SELECT relkind::text FROM pg_class WHERE oid = 'public.orders'::regclass"));
        Assert.Equal(before, Fingerprint(connection, "public.orders"));
        Assert.Empty(Strings(connection, "SELECT parent_table FROM partman.part_config"));
        Assert.Null(Scalar(connection, "SELECT to_regclass('public.orders_partitioned')::text"));
        Assert.Empty(Strings(connection, "SELECT relname FROM pg_class WHERE relnamespace = 'partman'::regnamespace AND relname LIKE 'template%'"));
    }
}
