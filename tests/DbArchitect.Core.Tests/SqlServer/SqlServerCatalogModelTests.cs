using DbArchitect.Core.Engines.SqlServer;
using DbArchitect.Core.Model;
using DbArchitect.Core.Schema;
using DbArchitect.Core.Tests.Schema;

namespace DbArchitect.Core.Tests.SqlServer;

/// <summary>
/// Rows shaped like the sys.* catalog queries' output for the migration shop as SQL Server's scripts build it (plus one
/// covering, filtered index) map to a model that compares equal to the SQL Server design of the same spec.
/// </summary>
public sealed class SqlServerCatalogModelTests
{
    private const string Schema = "migration_shop";
    private const string Now = "(todatetimeoffset(sysutcdatetime(),'+00:00'))";

    private static readonly Model.Index Covering = new("ix_order_customer_id_created_at", new[] { IndexKey.Of("customer_id"), IndexKey.Of("created_at", descending: true) },
        new[] { "total" }, IndexStructure.Ordered, false, new IndexPredicate(new[] { new ColumnTest("note", PredicateKind.IsNotNull) }), "Open orders of a customer, newest first.", Array.Empty<string>());

    private static IReadOnlyDictionary<string, object?> Row(params (string Column, object? Value)[] values) =>
        values.ToDictionary(v => v.Column, v => v.Value);

    private static SchemaModel Design()
    {
        var physical = SchemaComparerTests.Migration("shop-v1.yaml", "sqlserver").Physical;
        return physical with { Tables = physical.Tables.Select(t => t.Name == "order" ? t with { Indexes = t.Indexes.Append(Covering).ToArray() } : t).ToArray() };
    }

    private static SqlServerCatalogRows Rows(SchemaModel design)
    {
        string? Comment(string table, string? column = null) =>
            column is null ? design.FindTable(table)!.Comment : design.FindTable(table)!.FindColumn(column)!.Comment is { Length: > 0 } c ? c : null;

        IReadOnlyDictionary<string, object?> Column(string table, string name, int position, string type, bool nullable, bool identity = false, string? @default = null) =>
            Row(("schema_name", Schema), ("table_name", table), ("column_name", name), ("position", position), ("native_type", type), ("is_nullable", nullable),
                ("is_identity", identity), ("is_computed", false), ("default_expression", @default), ("comment", Comment(table, name)));

        IReadOnlyDictionary<string, object?> Key(string table, string name, string kind, string column) =>
            Row(("schema_name", Schema), ("table_name", table), ("name", name), ("kind", kind), ("column_name", column), ("position", (byte)1));

        IReadOnlyDictionary<string, object?> IndexColumn(string table, string name, bool unique, string column, int position, bool descending, bool included, string? filter) =>
            Row(("schema_name", Schema), ("table_name", table), ("name", name), ("method", "NONCLUSTERED"), ("is_unique", unique), ("predicate", filter),
                ("column_name", column), ("position", (byte)position), ("descending", descending), ("included", included),
                ("comment", design.FindTable(table)!.Indexes.Concat(new[] { Covering }).First(i => i.Name == name).Reason));

        var tables = new[] { "category", "customer", "order", "product" }
            .Select(t => Row(("schema_name", Schema), ("table_name", t), ("comment", Comment(t)), ("partition_scheme", null), ("estimated_rows", 0L))).ToArray();
        var columns = new[]
        {
            Column("customer", "id", 1, "bigint", false, identity: true), Column("customer", "email", 2, "nvarchar(320)", false), Column("customer", "full_name", 3, "nvarchar(100)", false),
            Column("customer", "created_at", 4, "datetimeoffset(7)", false, @default: Now), Column("customer", "updated_at", 5, "datetimeoffset(7)", false, @default: Now),
            Column("category", "id", 1, "bigint", false, identity: true), Column("category", "name", 2, "nvarchar(120)", false),
            Column("category", "created_at", 3, "datetimeoffset(7)", false, @default: Now), Column("category", "updated_at", 4, "datetimeoffset(7)", false, @default: Now),
            Column("product", "id", 1, "bigint", false, identity: true), Column("product", "sku", 2, "nvarchar(40)", false), Column("product", "name", 3, "nvarchar(100)", false),
            Column("product", "stock", 4, "int", false, @default: "((0))"),
            Column("product", "created_at", 5, "datetimeoffset(7)", false, @default: Now), Column("product", "updated_at", 6, "datetimeoffset(7)", false, @default: Now),
            Column("order", "id", 1, "bigint", false, identity: true), Column("order", "total", 2, "decimal(12,2)", false), Column("order", "quantity", 3, "int", false),
            Column("order", "note", 4, "nvarchar(100)", true), Column("order", "customer_id", 5, "bigint", false),
            Column("order", "created_at", 6, "datetimeoffset(7)", false, @default: Now), Column("order", "updated_at", 7, "datetimeoffset(7)", false, @default: Now),
        };
        var keys = new[]
        {
            Key("customer", "pk_customer", "PK", "id"), Key("category", "pk_category", "PK", "id"), Key("product", "pk_product", "PK", "id"), Key("order", "pk_order", "PK", "id"),
            Key("category", "uq_category_name", "UQ", "name"), Key("product", "uq_product_sku", "UQ", "sku"),
        };
        var foreignKeys = new[]
        {
            Row(("schema_name", Schema), ("table_name", "order"), ("name", "fk_order_customer_id"), ("column_name", "customer_id"), ("referenced_table", "customer"),
                ("referenced_column", "id"), ("position", 1), ("on_delete", "NO_ACTION"), ("not_trusted", false)),
        };
        var checks = new[]
        {
            // A table-level constraint: sys.check_constraints.parent_column_id is 0, so the join finds no column.
            Row(("schema_name", Schema), ("table_name", "customer"), ("name", "ck_customer_email_format"), ("column_name", null),
                ("expression", "([email] like N'%_@_%' AND NOT [email] like N'%@%@%' AND NOT [email] like N'% %')"), ("not_trusted", false)),
        };
        var indexes = new[]
        {
            IndexColumn("customer", "ux_customer_lower_email", true, "email", 1, false, false, null),
            IndexColumn("order", "ix_order_customer_id", false, "customer_id", 1, false, false, null),
            IndexColumn("order", Covering.Name, false, "customer_id", 1, false, false, "([note] IS NOT NULL)"),
            IndexColumn("order", Covering.Name, false, "created_at", 2, true, false, "([note] IS NOT NULL)"),
            IndexColumn("order", Covering.Name, false, "total", 0, false, true, "([note] IS NOT NULL)"),
        };
        return new SqlServerCatalogRows(tables, columns, keys, foreignKeys, checks, indexes, Array.Empty<IReadOnlyDictionary<string, object?>>());
    }

    [Fact]
    public void CatalogRowsOfTheBuiltShopCompareEqualToItsSqlServerDesign()
    {
        var design = Design();

        var imported = Assert.Single(SqlServerCatalogModel.Build(Rows(design)));
        var differences = SchemaComparer.Compare(SqlServerCatalogModel.AsBuilt(design), imported, engine: "sqlserver");

        Assert.True(differences.Count == 0, string.Join("\n", differences.Select(d => d.ToString())));
        Assert.Equal("sqlserver", imported.Engine);
        var order = imported.FindTable("order")!;
        var covering = Assert.Single(order.Indexes, i => i.Name == Covering.Name);
        Assert.Equal(new[] { "total" }, covering.Include);
        Assert.Equal(Covering.Predicate, covering.Predicate);
        Assert.True(covering.Keys[1].Descending);
        Assert.Equal(KeyGeneration.Identity, order.FindColumn("id")!.Generation);
        Assert.Equal("email", imported.FindTable("customer")!.Checks.Single().Column);
    }

    [Fact]
    public void AChangedCatalogRowIsADifference()
    {
        var design = Design();
        var rows = Rows(design);
        var changed = rows with
        {
            Columns = rows.Columns.Select(c => (string)c["column_name"]! == "stock" ? Row(c.Select(p => (p.Key, p.Key == "default_expression" ? (object?)"((5))" : p.Value)).ToArray()) : c).ToArray(),
            Indexes = rows.Indexes.Where(i => !(i["name"] is "ix_order_customer_id_created_at" && (bool)i["included"]!)).ToArray(),
        };

        var differences = SchemaComparer.Compare(SqlServerCatalogModel.AsBuilt(design), Assert.Single(SqlServerCatalogModel.Build(changed)), engine: "sqlserver");

        Assert.Contains(differences, d => d is { ObjectKind: SchemaObjectKind.Column, Name: "stock", Property: DifferenceProperty.Default, ReferenceValue: "'0'", DifferenceValue: "'5'" });
        Assert.Contains(differences, d => d is { ObjectKind: SchemaObjectKind.Index, Name: "ix_order_customer_id_created_at", Change: DifferenceChange.Changed });
        Assert.Equal(2, differences.Count);
    }

    [Fact]
    public void SequenceAndViewRowsBecomeTheSchemasSequencesAndViews()
    {
        var rows = Rows(Design()) with
        {
            Objects = new[]
            {
                Row(("schema_name", Schema), ("name", "order_number"), ("kind", "SEQUENCE_OBJECT"), ("data_type", "bigint"), ("start_value", 1000L), ("increment", 10L),
                    ("minimum_value", 1L), ("maximum_value", long.MaxValue), ("cache_size", 50), ("is_cycling", false)),
                Row(("schema_name", Schema), ("name", "open_orders"), ("kind", "VIEW"), ("data_type", null), ("start_value", null), ("increment", null),
                    ("minimum_value", null), ("maximum_value", null), ("cache_size", null), ("is_cycling", null)),
            },
        };

        var model = Assert.Single(SqlServerCatalogModel.Build(rows));

        Assert.Equal(new SequenceDefinition("order_number", "bigint", 1000, 10, 1, long.MaxValue, 50, false), Assert.Single(model.Sequences));
        Assert.Equal(new[] { "open_orders" }, model.Views);
    }

    [Fact]
    public void Computed_temporal_memory_optimized_partitioned_and_columnstore_rows_keep_what_the_catalog_says()
    {
        var rows = Rows(Design());
        IReadOnlyDictionary<string, object?> With(IReadOnlyDictionary<string, object?> row, params (string Column, object? Value)[] changes) =>
            row.Keys.Union(changes.Select(c => c.Column)).ToDictionary(k => k, k => changes.Any(c => c.Column == k) ? changes.First(c => c.Column == k).Value : row[k]);
        var changed = rows with
        {
            Tables = rows.Tables.Select(t => (string)t["table_name"]! switch
            {
                "order" => With(t, ("temporal_type", "SYSTEM_VERSIONED_TEMPORAL_TABLE"), ("history_table", "migration_shop.order_history"),
                    ("is_memory_optimized", false), ("durability", "SCHEMA_AND_DATA"), ("partition_scheme", "ps_order_created_at")),
                "product" => With(t, ("temporal_type", "NON_TEMPORAL_TABLE"), ("history_table", null), ("is_memory_optimized", true), ("durability", "SCHEMA_ONLY")),
                _ => t,
            }).ToArray(),
            Columns = rows.Columns.Select(c => (string)c["table_name"]! == "order" && (string)c["column_name"]! == "total"
                ? With(c, ("is_computed", true), ("computed_expression", "([quantity]*(2.5))"), ("is_persisted", true))
                : c).ToArray(),
            Indexes = rows.Indexes.Concat(new[] { "customer_id", "total" }.Select(column => Row(("schema_name", Schema), ("table_name", "order"),
                ("name", "ncci_order"), ("method", "NONCLUSTERED COLUMNSTORE"), ("is_unique", false), ("predicate", null), ("column_name", column),
                ("position", (byte)0), ("descending", false), ("included", false), ("comment", null)))).ToArray(),
        };

        var model = Assert.Single(SqlServerCatalogModel.Build(changed));

        var order = model.FindTable("order")!;
        Assert.Equal(new[] { "SYSTEM_VERSIONED_TEMPORAL_TABLE history migration_shop.order_history" }, order.Options);
        Assert.Equal("ps_order_created_at", order.PartitionBy);
        Assert.Equal(new[] { "MEMORY_OPTIMIZED SCHEMA_ONLY" }, model.FindTable("product")!.Options);
        Assert.Empty(model.FindTable("customer")!.Options);
        Assert.Equal("([quantity]*(2.5)) PERSISTED", order.FindColumn("total")!.Computed);
        Assert.Null(order.FindColumn("quantity")!.Computed);
        var columnstore = Assert.Single(order.Indexes, i => i.Name == "ncci_order");
        Assert.Equal("NONCLUSTERED COLUMNSTORE (customer_id, total)", columnstore.Definition);
        Assert.Equal(new[] { "customer_id", "total" }, columnstore.Keys.Select(k => k.Column));
    }
}
