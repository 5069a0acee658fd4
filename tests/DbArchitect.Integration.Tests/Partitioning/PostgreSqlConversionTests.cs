using DbArchitect.Core.Partitioning;
using Xunit;
using static DbArchitect.Integration.Tests.Partitioning.PartitionFixture;

namespace DbArchitect.Integration.Tests.Partitioning;

/// <summary>
/// Online conversion of a populated table on the real PostgreSQL 15: writes during the copy, an interrupted and
/// resumed copy, verification, swap, writes after the swap, and no row lost (count and checksum).
/// </summary>
public sealed class PostgreSqlConversionTests
{
    [Fact]
    public void Populated_table_is_converted_online_without_losing_a_row()
    {
        using var db = PostgresServer.CreateScratch("partconvert");
        using var connection = db.Open();
        Execute(connection, OrdersTable);
        var script = LivePlan(db, "orders", new PartitionRequest { Column = "created_at", Interval = PartitionInterval.Month });
        Assert.True(script.Converts);
        Assert.Contains(script.Plan.ConstraintChanges, c => c.Constraint == "orders_pkey" && c.Change.Contains("(id, created_at)", StringComparison.Ordinal));
        Assert.Contains(script.Plan.ConstraintChanges, c => c.Constraint == "orders_code_key" && c.Change.Contains("kept by a lookup table", StringComparison.Ordinal));
        var files = Write(script);

        PostgresServer.ApplyWithPsql(db.Name, new[] { files["create-partitioned"], files["sync-trigger"] });
        Assert.Contains("orders_p202401", Partitions(connection, "public.orders_partitioned"));

        // A partial copy (3 batches), then writes of every kind while the copy is half done, then the rest.
        Execute(connection, "CALL public.orders_partition_copy(5000, 3)");
        Assert.Equal(15000L, Scalar(connection, "SELECT rows_copied FROM public.orders_partition_copy_state"));
        Execute(connection, "INSERT INTO public.orders (code, customer, total, created_at) VALUES ('new1', 1, 5, '2024-03-01'), ('new2', 2, 6, '2025-02-01')");
        Execute(connection, "UPDATE public.orders SET total = total + 1 WHERE id IN (10, 40000)");
        Execute(connection, "UPDATE public.orders SET created_at = '2024-12-24' WHERE id = 20");
        Execute(connection, "DELETE FROM public.orders WHERE id IN (11, 50000)");
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["copy"] });
        Assert.True((bool)Scalar(connection, "SELECT finished FROM public.orders_partition_copy_state")!);

        var before = Fingerprint(connection, "public.orders");
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["verify"], files["swap"] });
        Assert.Equal("p", Scalar(connection, "SELECT relkind::text FROM pg_class WHERE oid = 'public.orders'::regclass"));
        Assert.Equal(before, Fingerprint(connection, "public.orders"));
        Assert.Equal(60000L, before.Rows);

        // The swap is re-runnable; new rows after it get identities past the old ones and reach the old table too.
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["swap"] });
        var newId = (long)Scalar(connection, "INSERT INTO public.orders (code, customer, total, created_at) VALUES ('after', 3, 7, '2025-02-02') RETURNING id")!;
        Assert.True(newId > 60002, $"identity continued at {newId}");
        Assert.Equal(Fingerprint(connection, "public.orders_unpartitioned"), Fingerprint(connection, "public.orders"));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM public.orders_default"));

        // Dropping the old table verifies once more, then removes it and the helpers; running it again is harmless.
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["drop-old"], files["drop-old"] });
        Assert.Null(Scalar(connection, "SELECT to_regclass('public.orders_unpartitioned')::text"));
        Assert.Equal(before.Rows + 1, Fingerprint(connection, "public.orders").Rows);
        Assert.Equal(new[] { "orders_customer", "orders_pkey" }, Strings(connection, "SELECT c.relname FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid WHERE i.indrelid = 'public.orders'::regclass ORDER BY 1"));
        Assert.Equal("PRIMARY KEY (id, created_at)", Scalar(connection, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'orders_pkey' AND conrelid = 'public.orders'::regclass"));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM pg_sequence_last_value(pg_get_serial_sequence('public.orders', 'id')::regclass) AS v WHERE v < 60003"));
    }

    [Fact]
    public void Rollback_after_the_swap_restores_the_original_table_with_the_rows_written_since()
    {
        using var db = PostgresServer.CreateScratch("partrollback");
        using var connection = db.Open();
        Execute(connection, OrdersTable);
        var before = Fingerprint(connection, "public.orders");
        var files = Write(LivePlan(db, "orders", new PartitionRequest { Column = "created_at", Interval = PartitionInterval.Quarter }));
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["create-partitioned"], files["sync-trigger"], files["copy"], files["verify"], files["swap"] });
        Execute(connection, "INSERT INTO public.orders (code, customer, total, created_at) VALUES ('after', 3, 7, '2025-02-02')");
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["rollback"], files["rollback"] });
        Assert.Equal("r", Scalar(connection, "SELECT relkind::text FROM pg_class WHERE oid = 'public.orders'::regclass"));
        Assert.Null(Scalar(connection, "SELECT to_regclass('public.orders_partitioned')::text"));
        Assert.Equal(before.Rows + 1, Fingerprint(connection, "public.orders").Rows);
        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM public.orders WHERE code = 'after'"));
        var nextId = (long)Scalar(connection, "INSERT INTO public.orders (code, customer, total) VALUES ('again', 4, 8) RETURNING id")!;
        Assert.True(nextId > 60001, $"identity continued at {nextId}");
    }

    [Fact]
    public void Swap_refuses_to_run_before_verification()
    {
        using var db = PostgresServer.CreateScratch("partnoverify");
        using var connection = db.Open();
        Execute(connection, OrdersTable);
        var files = Write(LivePlan(db, "orders", new PartitionRequest { Column = "created_at", Interval = PartitionInterval.Month }));
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["create-partitioned"], files["sync-trigger"], files["copy"] });
        var error = Assert.Throws<Xunit.Sdk.XunitException>(() => PostgresServer.ApplyWithPsql(db.Name, new[] { files["swap"] }));
        Assert.Contains("not verified", error.Message, StringComparison.Ordinal);
        Assert.Equal("r", Scalar(connection, "SELECT relkind::text FROM pg_class WHERE oid = 'public.orders'::regclass"));
    }
}
