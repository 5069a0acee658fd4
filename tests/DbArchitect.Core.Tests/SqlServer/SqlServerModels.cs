using DbArchitect.Core.Design;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Tests.Design;
using static DbArchitect.Core.Tests.Design.Spec;

namespace DbArchitect.Core.Tests.SqlServer;

/// <summary>Shop-like designs for SQL Server: one with cascade paths SQL Server refuses, one multi-tenant with audit and soft delete.</summary>
internal static class SqlServerModels
{
    public static DbDesign Named(string name) => name switch
    {
        "shop" => DesignEngine.Create(CascadingShop(), "sqlserver"),
        "tenant-shop" => DesignEngine.Create(Spec.Shop(new Conventions(NamingStyle.SnakeCase, PrimaryKeyKind.Uuid, true, true, true), Tenancy.Multi), "sqlserver"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown model."),
    };

    /// <summary>
    /// The shop with addresses: deleting a customer cascades to its orders and its addresses, and an order's shipping
    /// address is cleared when the address goes — a second cascade path from customer to order. Categories nest
    /// (a self-reference with SET NULL), and order items cascade from orders and products.
    /// </summary>
    public static DbRequirement CascadingShop() => Requirement(
        new[]
        {
            Entity("customer", 500_000, 800,
                Attr("email", Simple(LogicalTypeKind.Email), required: true, unique: true),
                Attr("full_name", LogicalType.String(200), required: true),
                Attr("preferences", LogicalType.Json)),
            Entity("address", Attr("street", LogicalType.String(200), required: true), Attr("city", LogicalType.String(100), required: true)),
            Entity("category", Attr("name", LogicalType.String(100), required: true)),
            Entity("product",
                Attr("sku", LogicalType.String(40), required: true, unique: true),
                Attr("name", LogicalType.String(255), required: true),
                Attr("description", LogicalType.Text),
                Attr("price", LogicalType.Money, required: true)),
            Entity("order", 1_500_000, 20_000,
                Attr("total", LogicalType.Decimal(12, 2), required: true),
                Attr("status", LogicalType.Enum(new[] { "pending", "paid", "shipped", "cancelled" }))),
        },
        new[]
        {
            OneToMany("customer", "order", DeleteAction.Cascade),
            OneToMany("customer", "address", DeleteAction.Cascade),
            OneToMany("address", "order", DeleteAction.SetNull, required: false, role: "shipping"),
            OneToMany("category", "category", DeleteAction.SetNull, required: false, role: "parent"),
            OneToMany("category", "product", DeleteAction.Restrict, required: false),
            ManyToMany("order", "product", "order_item", null, Attr("quantity", LogicalType.Int, required: true)),
        },
        new[]
        {
            Pattern("customer order history", "order", where: new[] { "customer_id" }, orderBy: new[] { new SortKey("created_at", true) }, limit: 20, perSecond: 300),
            Pattern("product search", "product", search: new[] { "name", "description" }, fuzzy: false, perSecond: 200),
            Pattern("customer by email", "customer", where: new[] { "email" }, perSecond: 100),
            Pattern("daily revenue", "order", range: "created_at", aggregate: new AggregateSpec(AggregateFunction.Sum, "total"),
                groupBy: new[] { new GroupKey("created_at", TimeBucket.Day) }, perSecond: 0.1),
        },
        workload: new WorkloadProfile(2_000_000, 25_000, new ReadWriteRatio(80, 20), 50, 5000, 1200, new Retention(5, RetentionUnit.Year)));
}
