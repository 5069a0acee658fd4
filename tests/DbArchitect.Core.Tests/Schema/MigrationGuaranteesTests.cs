using DbArchitect.Core.Design;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Migration;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Schema;

namespace DbArchitect.Core.Tests.Schema;

/// <summary>Issue 12 item 4 and issue 13 data loss 2 without a server: what the plans say.</summary>
public sealed class MigrationGuaranteesTests
{
    private static DbDesign Design(string attributes, string engine, string tenancy = "single", string extra = "") =>
        DesignEngine.Create(RequirementsReader.Read($$"""
            format: 1
            application: { name: Guarded, kind: oltp, tenancy: {{tenancy}} }
            conventions: { naming: snake_case, primaryKey: bigint, timestamps: false, audit: false }
            entities:
              - name: ticket
                attributes:
            {{attributes}}
            {{extra}}
            """, "guarded.yaml").Requirement!, engine);

    private const string V1 = """
              - { name: status, type: "enum(active, closed)", required: true, default: active }
              - { name: points, type: int, check: ">= 0" }
        """;

    [Theory]
    [InlineData("postgresql")]
    [InlineData("mariadb")]
    public void AnAddedEnumMemberAndANarrowedRangeAreDifferencesThatReplaceTheChecks(string engine)
    {
        var v2 = V1.Replace("active, closed", "active, closed, archived", StringComparison.Ordinal).Replace("\">= 0\"", "\"between 0 and 10\"", StringComparison.Ordinal);

        var differences = SchemaComparer.Compare(Design(V1, engine).Physical, Design(v2, engine).Physical, engine: engine);
        var plan = MigrationPlanner.Create(differences);

        Assert.Equal(2, differences.Count(d => d is { ObjectKind: SchemaObjectKind.Check, Property: DifferenceProperty.Definition }));
        Assert.Contains(plan.Steps, s => s.Sql.Contains("'archived'", StringComparison.Ordinal) && s.Sql.Contains("CHECK", StringComparison.Ordinal));
        Assert.Contains(plan.Steps, s => s.Sql.Contains("BETWEEN 0 AND 10", StringComparison.Ordinal));
        if (engine == "postgresql")
        {
            // New one NOT VALID, VALIDATE, then the swap: never a moment without a check.
            var add = plan.Steps.First(s => s.Sql.Contains("ck_ticket_points_new", StringComparison.Ordinal) && s.Sql.Contains("NOT VALID", StringComparison.Ordinal)).Order;
            var validate = plan.Steps.Single(s => s.Sql.Contains("VALIDATE CONSTRAINT ck_ticket_points_new", StringComparison.Ordinal)).Order;
            var swap = plan.Steps.Single(s => s.Sql.Contains("RENAME CONSTRAINT ck_ticket_points_new TO ck_ticket_points", StringComparison.Ordinal)).Order;
            Assert.True(add < validate && validate < swap);
        }
    }

    [Theory]
    [InlineData("postgresql")]
    [InlineData("mariadb")]
    public void ARemovedEnumMemberIsRefusedWithoutConsentAndCountedFirstWithIt(string engine)
    {
        var v2 = V1.Replace("active, closed", "active", StringComparison.Ordinal);
        var differences = SchemaComparer.Compare(Design(V1, engine).Physical, Design(v2, engine).Physical, engine: engine);

        var refused = Assert.Throws<DbArchitectException>(() => MigrationPlanner.Create(differences));
        Assert.Contains(refused.Errors, e => e.ErrorId == "MigrationLosesData" && e.Message.Contains("'closed'", StringComparison.Ordinal));
        var plan = MigrationPlanner.Create(differences, new MigrationOptions { AllowDataLoss = true });
        var count = plan.Steps.Single(s => s.Description.StartsWith("Count the rows holding removed members", StringComparison.Ordinal)).Order;
        var remap = plan.Steps.Single(s => s.LosesData).Order;
        Assert.True(count < remap);
        Assert.Contains("'active'", plan.Steps.Single(s => s.LosesData).Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void ANewTenantTableIsCreatedWithItsRowSecurityPoliciesGrantsAndCheckComments()
    {
        const string Extra = """
              - name: memo
                attributes:
                  - { name: body, type: string(80), required: true }
                  - { name: rank, type: int, check: ">= 0" }
            """;
        var v1 = Design(V1, "postgresql", "multi");
        var v2 = Design(V1, "postgresql", "multi", Extra);

        var plan = MigrationPlanner.Create(SchemaComparer.Compare(v1.Physical, v2.Physical, engine: "postgresql"));

        var create = plan.Steps.Single(s => s.Description == "Create table memo");
        Assert.True(create.Transactional);
        foreach (var expected in new[] { "ENABLE ROW LEVEL SECURITY", "FORCE ROW LEVEL SECURITY", "CREATE POLICY tenant_isolation", "CREATE POLICY tenant_reporting", "COMMENT ON POLICY", "OWNER TO guarded_owner", "TO guarded_app", "TO guarded_readonly" })
        {
            Assert.Contains(expected, create.Sql, StringComparison.Ordinal);
        }
    }
}
