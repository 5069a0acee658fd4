using DbArchitect.Core.Requirements;
using static DbArchitect.Core.Tests.Requirements.RequirementsTestKit;

namespace DbArchitect.Core.Tests.Requirements;

public sealed class DesignExampleTests
{
    private readonly DbRequirement _requirement = ReadValid(DesignExample);

    [Fact]
    public void ApplicationAndSourceAreRead()
    {
        Assert.Equal(Source, _requirement.SourcePath);
        Assert.Equal(1, _requirement.Format);
        Assert.Equal("ShopFast", _requirement.Name);
        Assert.Equal("Online store with catalog search, carts, orders and payments", _requirement.Application.Description);
        Assert.Equal(ApplicationKind.Oltp, _requirement.Application.Kind);
        Assert.Equal(Tenancy.Single, _requirement.Application.Tenancy);
        Assert.Null(_requirement.Application.Schema);
        Assert.Equal(new SourceLocation(Source, 2, 3), _requirement.Application.Location);
        Assert.Equal("auto", _requirement.Engine);
    }

    [Fact]
    public void WorkloadAndHardwareAreRead()
    {
        var w = _requirement.Workload;
        Assert.Equal(2000000, w.Records);
        Assert.Equal(25000, w.RecordsPerDay);
        Assert.Equal(new ReadWriteRatio(80, 20), w.ReadWriteRatio);
        Assert.Equal(50, w.LatencyMs);
        Assert.Equal(5000, w.ConcurrentUsers);
        Assert.Equal(1200, w.Tps);
        Assert.Equal(new Retention(5, RetentionUnit.Year), w.Retention);
        Assert.Equal(new HardwareProfile(64, 16, StorageKind.Ssd), _requirement.Hardware);
    }

    [Fact]
    public void ConventionsAreRead()
    {
        Assert.Equal(new Conventions(NamingStyle.SnakeCase, PrimaryKeyKind.Uuid, true, false, true), _requirement.Conventions);
    }

    [Fact]
    public void EntitiesAndAttributesAreTyped()
    {
        Assert.Equal(new[] { "customer", "product", "order" }, _requirement.Entities.Select(e => e.Name));
        var customer = _requirement.Entities[0];
        Assert.Equal("A registered buyer", customer.Description);
        Assert.Equal(500000, customer.Rows);
        Assert.Equal(800, customer.RowsPerDay);
        Assert.Null(customer.Timestamps);
        Assert.Equal(new SourceLocation(Source, 18, 5), customer.Location);

        var email = customer.Attributes[0];
        Assert.Equal(LogicalTypeKind.Email, email.Type.Kind);
        Assert.True(email.Required);
        Assert.True(email.Unique);

        Assert.Equal(LogicalType.String(200), customer.Attributes[1].Type);

        var status = customer.Attributes[2];
        Assert.Equal(new[] { "active", "suspended", "closed" }, status.Type.EnumValues);
        Assert.Equal(new DefaultSpec(DefaultKind.Literal, "active"), status.Default);
        Assert.False(status.Required);

        var points = customer.Attributes[3];
        Assert.Equal(LogicalType.Int, points.Type);
        Assert.Equal(new DefaultSpec(DefaultKind.Literal, "0"), points.Default);
        Assert.Equal(">= 0", points.Check!.Text);
        var condition = Assert.Single(points.Check.Conditions);
        Assert.Equal(CheckOperator.GreaterOrEqual, condition.Operator);
        Assert.Equal(new[] { "0" }, condition.Values);

        Assert.Equal(LogicalType.Json, customer.Attributes[4].Type);
        Assert.Equal(LogicalType.Money, _requirement.Entities[1].Attributes[3].Type);
        Assert.Equal(LogicalType.Decimal(12, 2), _requirement.Entities[2].Attributes[0].Type);
    }

    [Fact]
    public void RelationshipsAreRead()
    {
        var oneToMany = _requirement.Relationships[0];
        Assert.Equal(("customer", "order", RelationshipKind.OneToMany, DeleteAction.Restrict), (oneToMany.From, oneToMany.To, oneToMany.Kind, oneToMany.OnDelete));
        Assert.True(oneToMany.Required);
        Assert.Null(oneToMany.Through);
        Assert.Null(oneToMany.Role);

        var manyToMany = _requirement.Relationships[1];
        Assert.Equal(RelationshipKind.ManyToMany, manyToMany.Kind);
        Assert.Equal("order_item", manyToMany.Through);
        Assert.Equal(new[] { "quantity", "unit_price" }, manyToMany.Attributes.Select(a => a.Name));
        Assert.Equal(CheckOperator.Greater, manyToMany.Attributes[0].Check!.Conditions[0].Operator);
    }

    [Fact]
    public void AccessPatternsAreRead()
    {
        var patterns = _requirement.AccessPatterns;
        Assert.Equal(4, patterns.Count);
        Assert.Equal(new[] { "customer_id" }, patterns[0].Where);
        Assert.Equal(new[] { new SortKey("created_at", true) }, patterns[0].OrderBy);
        Assert.Equal(20, patterns[0].Limit);
        Assert.Equal(300, patterns[0].PerSecond);
        Assert.Equal(new[] { "name", "description" }, patterns[1].Search);
        Assert.True(patterns[1].Fuzzy);
        Assert.Equal("created_at", patterns[2].Range);
        Assert.Equal(new AggregateSpec(AggregateFunction.Sum, "total"), patterns[3].Aggregate);
        Assert.Equal(new[] { new GroupKey("created_at", TimeBucket.Day) }, patterns[3].GroupBy);
        Assert.Equal(0.1, patterns[3].PerSecond);
    }

    [Fact]
    public void OmittedSectionsTakeTheDocumentedDefaults()
    {
        var requirement = ReadValid("application: { name: Tiny }\nentities:\n  - name: note\n");
        Assert.Equal(ApplicationKind.Oltp, requirement.Application.Kind);
        Assert.Equal(Tenancy.Single, requirement.Application.Tenancy);
        Assert.Equal(Conventions.Default, requirement.Conventions);
        Assert.Equal("auto", requirement.Engine);
        Assert.Equal(WorkloadProfile.Unspecified, requirement.Workload);
        Assert.Equal(HardwareProfile.Unspecified, requirement.Hardware);
        Assert.Empty(requirement.Entities[0].Attributes);
        Assert.Empty(requirement.Relationships);
    }
}
