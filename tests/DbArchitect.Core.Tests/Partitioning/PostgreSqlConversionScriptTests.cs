using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Partitioning;
using DbArchitect.Core.Requirements;
using Xunit;

namespace DbArchitect.Core.Tests.Partitioning;

/// <summary>The text of PostgreSQL conversions of a live table: original names restored, foreign keys re-pointed, pg_partman path.</summary>
public sealed class PostgreSqlConversionScriptTests
{
    private static PartitionTarget Orders() => new(
        "public",
        "orders",
        new[]
        {
            ("id", PartitionKeyKind.Integer, "bigint"),
            ("status", PartitionKeyKind.Text, "text"),
            ("created_at", PartitionKeyKind.Timestamp, "timestamp with time zone"),
        },
        new TargetKey("orders_pkey", new[] { "id" }),
        Array.Empty<TargetKey>(),
        Array.Empty<TargetForeignKey>(),
        new[] { new TargetForeignKey("order_lines_order_id_fkey", "order_lines", new[] { "order_id" }, "orders", new[] { "id" }) { OnDelete = "CASCADE" } })
    {
        Exists = true,
        Rows = 60_000,
        TotalBytes = 6_000_000,
        BytesPerRow = 100,
        RowsPerDay = 110,
        KeyMin = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        KeyMax = new DateTime(2025, 6, 30, 0, 0, 0, DateTimeKind.Utc),
        LiveIndexes = new[] { ("orders_customer", (IReadOnlyList<string>)new[] { "status", "created_at" }, false, " USING btree (status, created_at DESC)") },
    };

    private static PartitionScript Script(PartitionRequest request) => PartitionPlanner.Script(EngineRegistry.Get("postgresql"), Orders(), request);

    private static string Sql(PartitionScript script, string step) => script.Steps.Single(s => s.Name == step).Sql;

    [Fact]
    public void Hash_conversion_repoints_the_referencing_foreign_key_not_valid_then_validated_keeping_on_delete()
    {
        var script = Script(new PartitionRequest { Column = "id", Strategy = PartitionStrategy.Hash, HashPartitions = 4 });
        Assert.DoesNotContain(script.Plan.Warnings, w => w.Contains("order_lines_order_id_fkey", StringComparison.Ordinal));
        var repoint = Sql(script, "repoint-foreign-keys");
        var add = repoint.IndexOf("ON DELETE CASCADE NOT VALID", StringComparison.Ordinal);
        var validate = repoint.IndexOf("VALIDATE CONSTRAINT", StringComparison.Ordinal);
        var drop = repoint.IndexOf("DROP CONSTRAINT IF EXISTS", StringComparison.Ordinal);
        Assert.True(add > 0 && validate > add && drop > validate, repoint);
        Assert.Contains("RENAME CONSTRAINT order_lines_order_id_fkey_p TO order_lines_order_id_fkey", repoint, StringComparison.Ordinal);
        Assert.True(script.Steps.ToList().FindIndex(s => s.Name == "repoint-foreign-keys") < script.Steps.ToList().FindIndex(s => s.Name == "drop-old"));
    }

    [Fact]
    public void Swap_renames_the_old_tables_keys_and_indexes_away_before_the_copy_takes_their_names_and_rollback_reverses_it()
    {
        var script = Script(new PartitionRequest { Column = "id", Strategy = PartitionStrategy.Hash, HashPartitions = 4 });
        var swap = Sql(script, "swap");
        var away = swap.IndexOf("RENAME CONSTRAINT orders_pkey TO orders_pkey_u", StringComparison.Ordinal);
        var back = swap.IndexOf("RENAME CONSTRAINT orders_pkey_p TO orders_pkey", StringComparison.Ordinal);
        Assert.True(away > 0 && back > away, swap);
        Assert.True(swap.IndexOf("ALTER INDEX public.orders_customer RENAME TO orders_customer_u", StringComparison.Ordinal) < swap.IndexOf("ALTER INDEX public.orders_customer_p RENAME TO orders_customer", StringComparison.Ordinal));
        var rollback = Sql(script, "rollback");
        Assert.True(rollback.IndexOf("RENAME CONSTRAINT orders_pkey TO orders_pkey_p", StringComparison.Ordinal) < rollback.IndexOf("RENAME CONSTRAINT orders_pkey_u TO orders_pkey", StringComparison.Ordinal));
    }

    [Fact]
    public void List_conversion_says_postgresql_needs_the_partition_key_in_the_referenced_key_and_does_not_repoint()
    {
        var script = Script(new PartitionRequest { Column = "status", Strategy = PartitionStrategy.List, ListValues = new[] { "new", "paid" } });
        var warning = Assert.Single(script.Plan.Warnings, w => w.Contains("order_lines_order_id_fkey", StringComparison.Ordinal));
        Assert.Contains("only through its primary key or a unique constraint, and those must include the partition key status", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(script.Steps, s => s.Name is "repoint-foreign-keys" or "schedule");
        Assert.Contains(script.Steps, s => s.Name == "alert-default-rows");
        Assert.Contains("foreign keys still reference orders_unpartitioned", Sql(script, "drop-old"), StringComparison.Ordinal);
    }

    [Fact]
    public void Pg_partman_conversion_moves_old_periods_with_partition_data_proc_and_sets_retention_only_at_the_swap()
    {
        var script = Script(new PartitionRequest { Column = "created_at", Mode = PostgreSqlPartitionModes.PgPartman, PartmanVersion = 4, Interval = PartitionInterval.Month, Retention = new Retention(1, RetentionUnit.Year) });
        Assert.Equal(
            new[] { "create-partitioned", "sync-trigger", "copy", "partition-data", "verify", "swap", "schedule", "alert-default-rows", "drop-old", "rollback" },
            script.Steps.Select(s => s.Name));
        var create = Sql(script, "create-partitioned");
        Assert.Contains("p_parent_table => 'public.orders_partitioned'", create, StringComparison.Ordinal);
        Assert.DoesNotContain("p_start_partition", create, StringComparison.Ordinal);
        Assert.DoesNotContain("retention =", create, StringComparison.Ordinal);
        Assert.Contains("CALL partman.partition_data_proc('public.orders_partitioned', p_wait => 0)", Sql(script, "partition-data"), StringComparison.Ordinal);
        var swap = Sql(script, "swap");
        Assert.Contains("UPDATE partman.part_config SET parent_table = 'public.orders' WHERE parent_table = 'public.orders_partitioned'", swap, StringComparison.Ordinal);
        Assert.Contains("retention =", swap, StringComparison.Ordinal);
        Assert.Contains("DELETE FROM partman.part_config", Sql(script, "rollback"), StringComparison.Ordinal);
    }
}
