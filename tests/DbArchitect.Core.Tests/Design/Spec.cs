using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.Design;

/// <summary>Builds requirements in code, so design tests do not depend on the YAML reader.</summary>
internal static class Spec
{
    private static readonly SourceLocation Here = new("test.yaml", 1, 1);

    public static DbRequirement Requirement(
        IEnumerable<EntitySpec> entities,
        IEnumerable<RelationshipSpec>? relationships = null,
        IEnumerable<AccessPatternSpec>? patterns = null,
        Conventions? conventions = null,
        Tenancy tenancy = Tenancy.Single,
        WorkloadProfile? workload = null,
        string name = "ShopFast") =>
        new("test.yaml", 1,
            new ApplicationInfo(name, "Test application", ApplicationKind.Oltp, tenancy, null, Here),
            workload ?? WorkloadProfile.Unspecified,
            new HardwareProfile(64, 16, StorageKind.Ssd),
            "postgresql",
            conventions ?? Conventions.Default,
            entities.ToArray(),
            (relationships ?? Array.Empty<RelationshipSpec>()).ToArray(),
            (patterns ?? Array.Empty<AccessPatternSpec>()).ToArray());

    public static EntitySpec Entity(string name, params AttributeSpec[] attributes) =>
        new(name, null, null, null, attributes, null, null, null, null, Here);

    public static EntitySpec Entity(string name, long rows, long rowsPerDay, params AttributeSpec[] attributes) =>
        new(name, null, rows, rowsPerDay, attributes, null, null, null, null, Here);

    public static AttributeSpec Attr(string name, LogicalType type, bool required = false, bool unique = false, CheckSpec? check = null) =>
        new(name, type, required, unique, null, check, null, Here);

    public static RelationshipSpec OneToMany(string from, string to, DeleteAction onDelete = DeleteAction.Restrict, bool required = true, string? role = null) =>
        new(from, to, RelationshipKind.OneToMany, onDelete, null, role, required, null, Array.Empty<AttributeSpec>(), Here);

    public static RelationshipSpec OneToOne(string from, string to) =>
        new(from, to, RelationshipKind.OneToOne, DeleteAction.Cascade, null, null, true, null, Array.Empty<AttributeSpec>(), Here);

    public static RelationshipSpec ManyToMany(string from, string to, string through, string? role = null, params AttributeSpec[] attributes) =>
        new(from, to, RelationshipKind.ManyToMany, DeleteAction.Cascade, through, role, true, null, attributes, Here);

    public static AccessPatternSpec Pattern(
        string name, string entity,
        string[]? where = null, SortKey[]? orderBy = null, int? limit = null, double? perSecond = null,
        string[]? search = null, bool fuzzy = false, string? range = null, AggregateSpec? aggregate = null,
        GroupKey[]? groupBy = null, string[]? select = null) =>
        new(name, entity, where ?? Array.Empty<string>(), orderBy ?? Array.Empty<SortKey>(), limit, perSecond,
            search ?? Array.Empty<string>(), fuzzy, range, aggregate, groupBy ?? Array.Empty<GroupKey>(), select ?? Array.Empty<string>(), null, Here);

    /// <summary>The shop of DESIGN.md: customers, products, orders, order items, with its four access patterns.</summary>
    public static DbRequirement Shop(Conventions? conventions = null, Tenancy tenancy = Tenancy.Single) => Requirement(
        new[]
        {
            Entity("customer", 500_000, 800,
                Attr("email", Simple(LogicalTypeKind.Email), required: true, unique: true),
                Attr("full_name", LogicalType.String(200), required: true),
                Attr("status", LogicalType.Enum(new[] { "active", "suspended", "closed" })),
                Attr("preferences", LogicalType.Json)),
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
            OneToMany("customer", "order"),
            ManyToMany("order", "product", "order_item", null, Attr("quantity", LogicalType.Int, required: true)),
        },
        new[]
        {
            Pattern("customer order history", "order", where: new[] { "customer_id" }, orderBy: new[] { new SortKey("created_at", true) }, limit: 20, perSecond: 300),
            Pattern("product search", "product", search: new[] { "name", "description" }, fuzzy: true, perSecond: 200),
            Pattern("open orders", "order", where: new[] { "status" }, range: "created_at", perSecond: 5),
            Pattern("daily revenue", "order", range: "created_at", aggregate: new AggregateSpec(AggregateFunction.Sum, "total"),
                groupBy: new[] { new GroupKey("created_at", TimeBucket.Day) }, perSecond: 0.1),
        },
        conventions, tenancy,
        new WorkloadProfile(2_000_000, 25_000, new ReadWriteRatio(80, 20), 50, 5000, 1200, new Retention(5, RetentionUnit.Year)));

    public static LogicalType Simple(LogicalTypeKind kind) => LogicalType.Simple(kind);
}
