// Test data is clearer inline than in static fields.
#pragma warning disable CA1861

using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using Index = DbArchitect.Core.Model.Index;

namespace DbArchitect.Core.Tests.Fixtures;

/// <summary>
/// A hand-built PostgreSQL design of a small shop, independent of the design engine, covering the shapes exporters
/// must get right: a required FK (order.customer_id), a nullable FK (product.category_id), a one-to-one
/// (customer_profile.customer_id is unique), a junction table with an identifying composite key (order_item),
/// a unicode-named table (catégorie produit), a reserved word as a table name (order), and text with quotes,
/// pipes and markdown characters.
/// </summary>
internal static class ShopDesign
{
    /// <summary>An absolute path on purpose: exported files must only ever show its file name.</summary>
    public const string SourcePath = "/home/dba/private/requirements/shop.yaml";

    public const string Category = "catégorie produit";

    public static DbDesign Build(
        IReadOnlyList<DesignDecision>? decisions = null,
        IReadOnlyList<Table>? extraTables = null)
    {
        var tables = new List<Table> { Customer(), CustomerProfile(), Order(), CategoryTable(), Product(), OrderItem() };
        tables.AddRange(extraTables ?? Array.Empty<Table>());
        var physical = new SchemaModel("ShopFast", "public", tables, new[] { "pg_trgm" });
        var logical = physical with
        {
            Tables = tables.Select(t => t with { Columns = t.Columns.Select(c => c with { NativeType = null }).ToList() }).ToList(),
        };
        return new DbDesign(
            Requirement(), "postgresql", "PostgreSQL 15", logical, physical,
            decisions ?? DefaultDecisions(),
            new[] { new DesignWarning(WarningSeverity.Warning, "order_item", "No access pattern reads order_item by product_id | check it.") });
    }

    public static IReadOnlyList<DesignDecision> DefaultDecisions() => new[]
    {
        new DesignDecision(DesignAreas.Technology, "Primary database", "PostgreSQL 15", "OLTP with 80:20 reads and relational integrity."),
        new DesignDecision(DesignAreas.Indexing, "Foreign keys", "Index every foreign key", "Joins and ON DELETE checks need them."),
        new DesignDecision(DesignAreas.Security, "Roles", "Separate owner and application roles", "Least privilege."),
    };

    public static DbRequirement Requirement()
    {
        var at = new SourceLocation(SourcePath, 1, 1);
        return new DbRequirement(
            SourcePath,
            1,
            new ApplicationInfo("ShopFast", "Online store with \"carts\", orders | payments", ApplicationKind.Oltp, Tenancy.Single, null, at),
            new WorkloadProfile(2_000_000, 25_000, new ReadWriteRatio(80, 20), 50, 5000, null, new Retention(5, RetentionUnit.Year)),
            HardwareProfile.Unspecified,
            "postgresql",
            Conventions.Default,
            new[]
            {
                new EntitySpec("customer", "A registered buyer", 500_000, 800, Array.Empty<AttributeSpec>(), null, null, null, null, at),
                new EntitySpec("order", null, 1_500_000, 20_000, Array.Empty<AttributeSpec>(), null, null, null, null, at),
                new EntitySpec("product", null, null, null, Array.Empty<AttributeSpec>(), null, null, null, null, at),
            },
            new[]
            {
                new RelationshipSpec("customer", "order", RelationshipKind.OneToMany, DeleteAction.Restrict, null, null, true, null, Array.Empty<AttributeSpec>(), at),
                new RelationshipSpec("order", "product", RelationshipKind.ManyToMany, DeleteAction.Cascade, "order_item", null, true, null, Array.Empty<AttributeSpec>(), at),
            },
            Array.Empty<AccessPatternSpec>());
    }

    public static Column Id() => new("id", LogicalType.Uuid, false, null, ColumnRole.PrimaryKey, KeyGeneration.RandomUuid, null, "uuid");

    public static Column Col(string name, LogicalType type, string native, bool nullable = false, string? comment = null, ColumnRole role = ColumnRole.Attribute) =>
        new(name, type, nullable, null, role, KeyGeneration.None, comment, native);

    public static Table Table(
        string name,
        IReadOnlyList<Column> columns,
        IReadOnlyList<string>? primaryKey = null,
        IReadOnlyList<ForeignKey>? foreignKeys = null,
        IReadOnlyList<UniqueKey>? uniqueKeys = null,
        IReadOnlyList<Index>? indexes = null,
        TableKind kind = TableKind.Entity,
        string? comment = null) =>
        new(name, kind, comment, columns, new PrimaryKey(name + "_pkey", primaryKey ?? new[] { "id" }),
            foreignKeys ?? Array.Empty<ForeignKey>(), uniqueKeys ?? Array.Empty<UniqueKey>(), Array.Empty<CheckConstraint>(),
            indexes ?? Array.Empty<Index>(), TableFeatures.None, name, null, null);

    public static ForeignKey Fk(string name, string column, string referenced, bool required, DeleteAction onDelete = DeleteAction.Restrict) =>
        new(name, new[] { column }, referenced, new[] { "id" }, onDelete, Array.Empty<string>(), required, "relationship " + referenced);

    private static Table Customer() => Table(
        "customer",
        new[]
        {
            Id(),
            Col("email", LogicalType.Simple(LogicalTypeKind.Email), "text", comment: "Login \"e-mail\"; unique"),
            Col("full_name", LogicalType.String(200), "varchar(200)"),
            Col("created_at", LogicalType.Timestamp, "timestamptz", role: ColumnRole.CreatedAt) with { Default = new DefaultSpec(DefaultKind.Now, null) },
        },
        uniqueKeys: new[] { new UniqueKey("customer_email_key", new[] { "email" }, "email is unique") },
        comment: "A registered buyer");

    private static Table CustomerProfile() => Table(
        "customer_profile",
        new[]
        {
            Id(),
            Col("customer_id", LogicalType.Uuid, "uuid", role: ColumnRole.ForeignKey),
            Col("bio", LogicalType.Text, "text", nullable: true),
        },
        foreignKeys: new[] { Fk("customer_profile_customer_id_fkey", "customer_id", "customer", required: true, DeleteAction.Cascade) },
        uniqueKeys: new[] { new UniqueKey("customer_profile_customer_id_key", new[] { "customer_id" }, "one-to-one") });

    private static Table Order() => Table(
        "order",
        new[]
        {
            Id(),
            Col("customer_id", LogicalType.Uuid, "uuid", role: ColumnRole.ForeignKey),
            Col("total", LogicalType.Decimal(12, 2), "numeric(12,2)"),
            Col("status", LogicalType.Enum(new[] { "pending", "paid" }), "text") with { Default = new DefaultSpec(DefaultKind.Literal, "pending") },
            Col("note", LogicalType.Text, "text", nullable: true, comment: "Free text | \"gift\" *wrap* `code` ~x~ 50% #x; done"),
            Col("created_at", LogicalType.Timestamp, "timestamptz", role: ColumnRole.CreatedAt),
        },
        foreignKeys: new[] { Fk("order_customer_id_fkey", "customer_id", "customer", required: true) },
        indexes: new[]
        {
            new Index("order_customer_id_created_at_idx", new[] { IndexKey.Of("customer_id"), IndexKey.Of("created_at", descending: true) },
                new[] { "total" }, IndexStructure.Ordered, false, null, "customer order history", new[] { "customer order history", "foreign key order_customer_id_fkey" }),
        });

    private static Table CategoryTable() => Table(
        Category,
        new[] { Id(), Col("näme", LogicalType.String(80), "varchar(80)"), Col("pk", LogicalType.Int, "integer", nullable: true) });

    private static Table Product() => Table(
        "product",
        new[]
        {
            Id(),
            Col("sku", LogicalType.String(40), "varchar(40)"),
            Col("price|net*", LogicalType.Simple(LogicalTypeKind.Money), "numeric(19,4)"),
            Col("tags", LogicalType.ArrayOf(LogicalType.String(20)), "varchar(20)[]", nullable: true),
            Col("category_id", LogicalType.Uuid, "uuid", nullable: true, role: ColumnRole.ForeignKey),
        },
        foreignKeys: new[] { Fk("product_category_id_fkey", "category_id", Category, required: false, DeleteAction.SetNull) },
        indexes: new[]
        {
            new Index("product_sku_key", new[] { IndexKey.Of("sku") }, Array.Empty<string>(), IndexStructure.Ordered, true, null, "sku is unique", Array.Empty<string>()),
            new Index("product_category_id_idx", new[] { IndexKey.Of("category_id") }, Array.Empty<string>(), IndexStructure.Ordered, false,
                new IndexPredicate(new[] { new ColumnTest("category_id", PredicateKind.IsNotNull) }), "foreign key", Array.Empty<string>()),
        });

    private static Table OrderItem() => Table(
        "order_item",
        new[]
        {
            Col("order_id", LogicalType.Uuid, "uuid", role: ColumnRole.ForeignKey),
            Col("product_id", LogicalType.Uuid, "uuid", role: ColumnRole.ForeignKey),
            Col("quantity", LogicalType.Int, "integer"),
        },
        primaryKey: new[] { "order_id", "product_id" },
        foreignKeys: new[]
        {
            Fk("order_item_order_id_fkey", "order_id", "order", required: true, DeleteAction.Cascade),
            Fk("order_item_product_id_fkey", "product_id", "product", required: true),
        },
        kind: TableKind.Junction);
}
