using DbArchitect.Core.Partitioning;
using Xunit;
using static DbArchitect.Integration.Tests.Partitioning.PartitionFixture;

namespace DbArchitect.Integration.Tests.Partitioning;

/// <summary>
/// Online conversion of a populated table by LIST and by HASH on the real PostgreSQL 15: no row lost (count and
/// checksum), the partitioned table ends with the original key and index names, and foreign keys that referenced the
/// old table are re-pointed where PostgreSQL allows it (and refused with the reason where it does not).
/// </summary>
public sealed class PostgreSqlListHashConversionTests
{
    private const string Tables = """
        CREATE TABLE public.orders (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            code text NOT NULL UNIQUE,
            status text NOT NULL,
            customer integer NOT NULL,
            total numeric(12,2) NOT NULL CHECK (total >= 0),
            created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX orders_customer ON public.orders (customer, created_at DESC);
        INSERT INTO public.orders (code, status, customer, total, created_at)
        SELECT 'o' || g, (ARRAY['new','paid','shipped','returned'])[1 + g % 4], g % 500, (g % 1000) / 10.0, timestamptz '2024-01-01' + (g * interval '13 minutes')
        FROM generate_series(1, 30000) AS g;
        CREATE TABLE public.order_lines (
            id bigint PRIMARY KEY,
            order_id bigint NOT NULL REFERENCES public.orders (id) ON DELETE CASCADE,
            qty integer NOT NULL
        );
        INSERT INTO public.order_lines SELECT g, g * 3, 1 FROM generate_series(1, 9000) AS g;
        ANALYZE public.orders;
        """;

    private const string KeyNames = "SELECT conname FROM pg_constraint WHERE conrelid = 'public.orders'::regclass AND contype IN ('p', 'u') ORDER BY 1";

    private const string IndexNames = "SELECT c.relname FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid WHERE i.indrelid = 'public.orders'::regclass ORDER BY 1";

    private static PartitionScript PlanFor(ScratchDatabase db, string column, PartitionRequest request) =>
        LivePlan(db, "orders", request with { Column = column });

    [Fact]
    public void Hash_conversion_keeps_every_row_restores_the_original_names_and_repoints_the_referencing_foreign_key()
    {
        using var db = PostgresServer.CreateScratch("partconvhash");
        using var connection = db.Open();
        Execute(connection, Tables);
        var script = PlanFor(db, "id", new PartitionRequest { Strategy = PartitionStrategy.Hash, HashPartitions = 4 });
        Assert.True(script.Converts);
        Assert.DoesNotContain(script.Plan.Warnings, w => w.Contains("order_lines", StringComparison.Ordinal));
        Assert.Contains("repoint-foreign-keys", script.Steps.Select(s => s.Name));
        Assert.DoesNotContain("schedule", script.Steps.Select(s => s.Name));
        var files = Write(script);

        PostgresServer.ApplyWithPsql(db.Name, new[] { files["create-partitioned"], files["sync-trigger"] });
        Execute(connection, "CALL public.orders_partition_copy(4000, 2)");
        Execute(connection, "INSERT INTO public.orders (code, status, customer, total) VALUES ('during', 'new', 1, 5)");
        Execute(connection, "UPDATE public.orders SET total = total + 1 WHERE id IN (10, 29000)");
        Execute(connection, "DELETE FROM public.orders WHERE id = 29001");
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["copy"] });
        var before = Fingerprint(connection, "public.orders");
        var keysBefore = Strings(connection, KeyNames);
        var indexesBefore = Strings(connection, IndexNames);

        PostgresServer.ApplyWithPsql(db.Name, new[] { files["verify"], files["swap"], files["swap"] });
        Assert.Equal("p", Scalar(connection, "SELECT relkind::text FROM pg_class WHERE oid = 'public.orders'::regclass"));
        Assert.Equal(before, Fingerprint(connection, "public.orders"));
        Assert.Equal(30000L, before.Rows);
        for (var remainder = 0; remainder < 4; remainder++)
        {
            Assert.Equal(0L, Scalar(connection, $"SELECT count(*) FROM ONLY public.orders_h{remainder} WHERE NOT satisfies_hash_partition('public.orders'::regclass, 4, {remainder}, id)"));
        }

        // The unique key on code cannot exist without id; every other key and index has its original name.
        Assert.Equal(keysBefore.Where(k => k != "orders_code_key"), Strings(connection, KeyNames));
        Assert.Equal(indexesBefore.Where(k => k != "orders_code_key"), Strings(connection, IndexNames));

        // Before the re-point the foreign key still protects the old table, so dropping it is refused. (PostgreSQL clones a
        // key that references a partitioned table once per partition, conparentid pointing at it: only the key itself is compared.)
        var refused = Assert.Throws<Xunit.Sdk.XunitException>(() => PostgresServer.ApplyWithPsql(db.Name, new[] { files["drop-old"] }));
        Assert.Contains("foreign keys still reference orders_unpartitioned: order_lines_order_id_fkey", refused.Message, StringComparison.Ordinal);
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["repoint-foreign-keys"], files["repoint-foreign-keys"], files["drop-old"] });
        Assert.Null(Scalar(connection, "SELECT to_regclass('public.orders_unpartitioned')::text"));
        Assert.Equal(
            new[] { "order_lines_order_id_fkey orders c True" },
            Strings(connection, "SELECT conname || ' ' || confrelid::regclass::text || ' ' || confdeltype::text || ' ' || CASE WHEN convalidated THEN 'True' ELSE 'False' END FROM pg_constraint WHERE conrelid = 'public.order_lines'::regclass AND contype = 'f' AND conparentid = 0"));
        Assert.Equal(keysBefore.Where(k => k != "orders_code_key"), Strings(connection, KeyNames));
        Assert.Equal(indexesBefore.Where(k => k != "orders_code_key"), Strings(connection, IndexNames));
        Assert.Empty(Strings(connection, "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND (relname LIKE '%\\_p' OR relname LIKE '%\\_u')"));

        // The re-pointed key works: a line for a missing order is refused, deleting an order cascades.
        Assert.ThrowsAny<Npgsql.PostgresException>(() => Execute(connection, "INSERT INTO public.order_lines VALUES (99999, 123456789, 1)"));
        Execute(connection, "DELETE FROM public.orders WHERE id = 3");
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM public.order_lines WHERE order_id = 3"));
        Assert.Equal(before.Rows - 1, Fingerprint(connection, "public.orders").Rows);
    }

    [Fact]
    public void List_conversion_keeps_every_row_routes_unlisted_values_to_default_and_says_why_the_foreign_key_cannot_follow()
    {
        using var db = PostgresServer.CreateScratch("partconvlist");
        using var connection = db.Open();
        Execute(connection, Tables);
        var script = PlanFor(db, "status", new PartitionRequest { Strategy = PartitionStrategy.List, ListValues = new[] { "new", "paid", "shipped" } });
        var warning = Assert.Single(script.Plan.Warnings, w => w.Contains("order_lines_order_id_fkey", StringComparison.Ordinal));
        Assert.Contains("only through its primary key or a unique constraint, and those must include the partition key status", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("repoint-foreign-keys", script.Steps.Select(s => s.Name));
        Assert.Contains("alert-default-rows", script.Steps.Select(s => s.Name));
        var files = Write(script);
        var before = Fingerprint(connection, "public.orders");
        var indexesBefore = Strings(connection, IndexNames);

        PostgresServer.ApplyWithPsql(db.Name, new[] { files["create-partitioned"], files["create-partitioned"], files["sync-trigger"], files["copy"], files["verify"], files["swap"] });
        Assert.Equal(before, Fingerprint(connection, "public.orders"));
        foreach (var (partition, value) in new[] { ("orders_new", "new"), ("orders_paid", "paid"), ("orders_shipped", "shipped"), ("orders_default", "returned") })
        {
            Assert.Equal(7500L, Scalar(connection, $"SELECT count(*) FROM ONLY public.{partition}"));
            Assert.Equal(0L, Scalar(connection, $"SELECT count(*) FROM ONLY public.{partition} WHERE status <> '{value}'"));
        }

        var alert = PostgreSqlListHashPartitionTests.AlertRow(connection, files["alert-default-rows"]);
        Assert.Equal(7500L, alert["rows_in_default"]);
        Assert.Equal("returned", alert["unlisted_values"]);

        // Primary key (id, status) and the customer index carry their original names; code's unique key is gone.
        Assert.Equal(new[] { "orders_pkey" }, Strings(connection, KeyNames));
        Assert.Equal("PRIMARY KEY (id, status)", Scalar(connection, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'orders_pkey' AND conrelid = 'public.orders'::regclass"));
        Assert.Equal(indexesBefore.Where(k => k != "orders_code_key"), Strings(connection, IndexNames));

        // The foreign key cannot follow (PostgreSQL needs status in the referenced key), so drop-old refuses until it is dropped.
        var refused = Assert.Throws<Xunit.Sdk.XunitException>(() => PostgresServer.ApplyWithPsql(db.Name, new[] { files["drop-old"] }));
        Assert.Contains("order_lines_order_id_fkey", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before.Rows, Fingerprint(connection, "public.orders_unpartitioned").Rows);
        Execute(connection, "ALTER TABLE public.order_lines DROP CONSTRAINT order_lines_order_id_fkey");
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["drop-old"] });
        Assert.Null(Scalar(connection, "SELECT to_regclass('public.orders_unpartitioned')::text"));
        Assert.Equal(before, Fingerprint(connection, "public.orders"));
        Assert.Equal(indexesBefore.Where(k => k != "orders_code_key"), Strings(connection, IndexNames));
    }

    [Fact]
    public void Rollback_after_the_swap_and_the_repoint_gives_the_original_table_back_its_names_and_its_foreign_key()
    {
        using var db = PostgresServer.CreateScratch("partconvback");
        using var connection = db.Open();
        Execute(connection, Tables);
        var keysBefore = Strings(connection, KeyNames);
        var indexesBefore = Strings(connection, IndexNames);
        var files = Write(PlanFor(db, "id", new PartitionRequest { Strategy = PartitionStrategy.Hash, HashPartitions = 4 }));
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["create-partitioned"], files["sync-trigger"], files["copy"], files["verify"], files["swap"], files["repoint-foreign-keys"] });
        Assert.Equal("p", Scalar(connection, "SELECT c.relkind::text FROM pg_constraint AS k JOIN pg_class AS c ON c.oid = k.confrelid WHERE k.conname = 'order_lines_order_id_fkey'"));
        Execute(connection, "INSERT INTO public.orders (code, status, customer, total) VALUES ('after', 'new', 1, 5)");
        Execute(connection, "INSERT INTO public.order_lines SELECT 99999, id, 1 FROM public.orders WHERE code = 'after'");

        // Rollback after the re-point: the foreign key points back at the original table, which is whole again.
        PostgresServer.ApplyWithPsql(db.Name, new[] { files["rollback"], files["rollback"] });
        Assert.Equal("r", Scalar(connection, "SELECT relkind::text FROM pg_class WHERE oid = 'public.orders'::regclass"));
        Assert.Equal(keysBefore, Strings(connection, KeyNames));
        Assert.Equal(indexesBefore, Strings(connection, IndexNames));
        Assert.Equal("orders r True", Scalar(connection, "SELECT k.confrelid::regclass::text || ' ' || c.relkind::text || ' ' || CASE WHEN k.convalidated THEN 'True' ELSE 'False' END FROM pg_constraint AS k JOIN pg_class AS c ON c.oid = k.confrelid WHERE k.conname = 'order_lines_order_id_fkey'"));
        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM public.orders AS o JOIN public.order_lines AS l ON l.order_id = o.id WHERE o.code = 'after'"));
    }
}
