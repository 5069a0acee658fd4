using DbArchitect.Core.Requirements;
using DbArchitect.Core.Requirements.Reading;
using static DbArchitect.Core.Tests.Requirements.RequirementsTestKit;

namespace DbArchitect.Core.Tests.Requirements;

/// <summary>Which columns an access pattern may name: attributes plus every column the design adds.</summary>
public sealed class ColumnReferenceTests
{
    private static string[] UnknownColumns(string yaml) =>
        Read(yaml).Errors.Where(e => e.ErrorId == "UnknownColumn").Select(e => (string)e.Target!).ToArray();

    [Fact]
    public void ForeignKeyColumnsMatchWhateverTheirSpelling()
    {
        const string yaml = """
            application: { name: A }
            entities: [ { name: customer }, { name: order } ]
            relationships: [ { from: customer, to: order, type: one-to-many } ]
            accessPatterns:
              - { name: p, entity: order, where: [customer_id, CustomerId, customerId, Customer-Id], orderBy: [UPDATED_AT] }
            """;
        ReadValid(yaml);
    }

    [Fact]
    public void SelfRelationshipsGetAParentColumnAndJunctionsARelatedColumn()
    {
        const string yaml = """
            application: { name: A }
            entities: [ { name: category }, { name: person } ]
            relationships:
              - { from: category, to: category, type: one-to-many, required: false }
              - { from: person, to: person, type: many-to-many, through: friendship }
            accessPatterns:
              - { name: children, entity: category, where: [parent_category_id] }
              - { name: friends, entity: friendship, where: [person_id, related_person_id], orderBy: [created_at] }
            """;
        ReadValid(yaml);
    }

    [Fact]
    public void MultiTenancyAddsTenantIdExceptOnTheTenantEntityAndOptedOutEntities()
    {
        const string yaml = """
            application: { name: A, tenancy: multi }
            entities:
              - name: tenant
              - name: project
              - name: country
                tenantScoped: false
            relationships:
              - { from: tenant, to: project, type: one-to-many }
            accessPatterns:
              - { name: by tenant, entity: project, where: [tenant_id] }
              - { name: tenant of tenant, entity: tenant, where: [tenant_id] }
              - { name: tenant of country, entity: country, where: [tenant_id] }
            """;
        Assert.Equal(new[] { "tenant_id", "tenant_id" }, UnknownColumns(yaml));
        Assert.Equal(2, Read(yaml).Errors.Count);
    }

    [Fact]
    public void TimestampsAndSoftDeleteColumnsFollowTheEntitysSwitches()
    {
        const string yaml = """
            application: { name: A }
            conventions: { timestamps: false }
            entities:
              - name: a
                softDelete: true
              - name: b
                timestamps: true
            accessPatterns:
              - { name: p1, entity: a, where: [deleted_at], orderBy: [created_at] }
              - { name: p2, entity: b, where: [deleted_at], orderBy: [created_at] }
            """;
        Assert.Equal(new[] { "created_at", "deleted_at" }, UnknownColumns(yaml));
    }

    [Fact]
    public void JunctionColumnsAreItsKeysAttributesAndCreatedAtOnly()
    {
        const string yaml = """
            application: { name: A }
            entities: [ { name: order }, { name: product } ]
            relationships:
              - from: order
                to: product
                type: many-to-many
                through: order_item
                attributes: [ { name: quantity, type: int } ]
            accessPatterns:
              - { name: p, entity: Order_Item, where: [order_id, product_id, quantity], orderBy: [created_at], select: [updated_at] }
            """;
        Assert.Equal(new[] { "updated_at" }, UnknownColumns(yaml));
    }

    [Fact]
    public void EveryColumnReferenceKindIsChecked()
    {
        const string yaml = """
            application: { name: A }
            entities: [ { name: a, attributes: [ { name: amount, type: money } ] } ]
            accessPatterns:
              - { name: p, entity: a, where: [w], orderBy: [o desc], search: [s], range: r, aggregate: "sum(g)", groupBy: ["day(b)", c], select: [x] }
            """;
        Assert.Equal(new[] { "w", "o", "s", "r", "g", "b", "c", "x" }, UnknownColumns(yaml));
    }

    [Fact]
    public void EntityColumnsListsWhatTheValidatorAccepts()
    {
        const string yaml = """
            application: { name: A, tenancy: multi }
            conventions: { softDelete: true }
            entities: [ { name: customer }, { name: order, attributes: [ { name: total, type: money } ] } ]
            relationships: [ { from: customer, to: order, type: one-to-many } ]
            """;
        var requirement = ReadValid(yaml);
        var columns = EntityColumns.Of(requirement, requirement.FindEntity("order")!).Select(c => c.Name);
        Assert.Equal(new[] { "id", "tenant_id", "created_at", "updated_at", "deleted_at", "customer_id", "total" }, columns);
    }

    [Theory]
    [InlineData("atributes", "attributes")]
    [InlineData("records_per_day", "recordsPerDay")]
    [InlineData("Name", "name")]
    [InlineData("ondelete", "onDelete")]
    [InlineData("acessPatterns", "accessPatterns")]
    public void SuggestionsFindTheIntendedKey(string written, string intended)
    {
        var keys = RequirementKeys.BySchemaDefinition.Values.SelectMany(k => k).Distinct();
        Assert.Equal(intended, Suggestions.Closest(written, keys));
    }

    [Fact]
    public void NothingIsSuggestedWhenNothingIsClose()
    {
        Assert.Null(Suggestions.Closest("zzzzzz", RequirementKeys.Entity));
    }
}
