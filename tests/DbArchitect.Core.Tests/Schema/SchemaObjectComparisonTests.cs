using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Migration;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Schema;

namespace DbArchitect.Core.Tests.Schema;

/// <summary>Row-level security, policies, partitioning, sequences and views: compared, and planned where that is safe.</summary>
public sealed class SchemaObjectComparisonTests
{
    private static readonly SequenceDefinition Counter = new("invoice_number", "bigint", 1000, 1, 1, long.MaxValue, 1, false);

    /// <summary>The multi-tenant example as PostgreSQL's scripts build it, marked as imported so the comparison takes it as is.</summary>
    private static SchemaModel Built()
    {
        var design = DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.Examples, "saas-projects.yaml")), "postgresql").Physical;
        return EngineRegistry.Get("postgresql").Inspector!.AsBuilt(design) with { Engine = "postgresql" };
    }

    private static SchemaModel WithTable(SchemaModel model, Func<Table, bool> which, Func<Table, Table> change) =>
        model with { Tables = model.Tables.Select(t => which(t) ? change(t) : t).ToArray() };

    private static Table Tenant(SchemaModel model) => model.Tables.First(t => t.Policies.Count > 0);

    [Fact]
    public void TheBuiltDesignCarriesTheSecurityScriptsPoliciesAsTheCatalogPrintsThem()
    {
        var built = Built();

        var table = Tenant(built);
        Assert.True(table.RowSecurityEnabled && table.RowSecurityForced);
        var isolation = Assert.Single(table.Policies, p => p.Name == "tenant_isolation");
        Assert.Equal("(\"TenantId\" = (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::bigint)", isolation.VisibleWhen);
        Assert.Equal(isolation.VisibleWhen, isolation.WritableWhen);
        Assert.Equal(new[] { "public" }, isolation.Roles);
        Assert.Contains(table.Policies, p => p is { Name: "tenant_reporting", Command: "SELECT", VisibleWhen: "true", WritableWhen: null });
        Assert.Empty(SchemaComparer.Compare(built, built));
    }

    [Fact]
    public void WithoutAnEngineAChangedPolicyIsDescribedInNoEnginesWords()
    {
        var built = Built() with { Engine = null };
        var name = Tenant(built).Name;
        var changed = WithTable(built, t => t.Name == name, t => t with { Policies = t.Policies.Select(p => p.Name == "tenant_reporting" ? p with { VisibleWhen = "false" } : p).ToArray() });

        var change = Assert.Single(SchemaComparer.Compare(built, changed), d => d.ObjectKind == SchemaObjectKind.Policy);

        Assert.Equal("permissive, command SELECT, roles " + string.Join(", ", Tenant(built).Policies.Single(p => p.Name == "tenant_reporting").Roles) + ", visible when (false)", change.DifferenceValue);
        Assert.DoesNotContain("USING", change.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ADroppedPolicyAChangedUsingAndDisabledRowSecurityAreDifferences()
    {
        var built = Built();
        var name = Tenant(built).Name;
        var changed = WithTable(built, t => t.Name == name, t => t with
        {
            RowSecurityForced = false,
            Policies = t.Policies.Where(p => p.Name != "tenant_reporting").Select(p => p with { VisibleWhen = "true" }).ToArray(),
        });

        var differences = SchemaComparer.Compare(built, changed);

        Assert.Contains(differences, d => d is { Change: DifferenceChange.Removed, ObjectKind: SchemaObjectKind.Policy, Name: "tenant_reporting" } && d.Table == name);
        var usingChange = Assert.Single(differences, d => d is { Change: DifferenceChange.Changed, ObjectKind: SchemaObjectKind.Policy, Name: "tenant_isolation" });
        Assert.Contains("USING (true)", usingChange.DifferenceValue, StringComparison.Ordinal);
        Assert.Contains(differences, d => d is { Property: DifferenceProperty.RowSecurity, ReferenceValue: "enabled, forced", DifferenceValue: "enabled" });
    }

    [Fact]
    public void AnAddedViewAChangedSequenceAndPartitioningAreDifferences()
    {
        var built = Built() with { Sequences = new[] { Counter } };
        var first = built.Tables[0].Name;
        var changed = WithTable(built, t => t.Name == first, t => t with { PartitionBy = "RANGE (\"CreatedAt\")" }) with
        {
            Views = new[] { "open_tasks" },
            Sequences = new[] { Counter with { Increment = 10 }, Counter with { Name = "ticket_number" } },
        };

        var differences = SchemaComparer.Compare(built, changed);

        Assert.Contains(differences, d => d is { Change: DifferenceChange.Added, ObjectKind: SchemaObjectKind.View, Name: "open_tasks" });
        var increment = Assert.Single(differences, d => d is { Change: DifferenceChange.Changed, ObjectKind: SchemaObjectKind.Sequence, Name: "invoice_number" });
        Assert.Contains("INCREMENT 1 ", increment.ReferenceValue, StringComparison.Ordinal);
        Assert.Contains("INCREMENT 10 ", increment.DifferenceValue, StringComparison.Ordinal);
        Assert.Contains(differences, d => d is { Change: DifferenceChange.Added, ObjectKind: SchemaObjectKind.Sequence, Name: "ticket_number" });
        Assert.Contains(differences, d => d is { Property: DifferenceProperty.Partitioning, ReferenceValue: null, DifferenceValue: "RANGE (\"CreatedAt\")" } && d.Table == first);
    }

    [Fact]
    public void PolicyRowSecurityAndSequenceChangesArePlannedWithRollback()
    {
        var before = Built();
        var name = Tenant(before).Name;
        var plain = WithTable(before, t => t.Name == name, t => t with { RowSecurityEnabled = false, RowSecurityForced = false, Policies = Array.Empty<RowPolicy>() });
        var after = before with { Sequences = new[] { Counter } };

        var plan = MigrationPlanner.Create(SchemaComparer.Compare(plain, after));

        var security = Assert.Single(plan.Steps, s => s.Description.StartsWith("Row-level security", StringComparison.Ordinal));
        Assert.Contains("ENABLE ROW LEVEL SECURITY", security.Sql, StringComparison.Ordinal);
        Assert.Contains("FORCE ROW LEVEL SECURITY", security.Sql, StringComparison.Ordinal);
        Assert.Contains("DISABLE ROW LEVEL SECURITY", security.RollbackSql, StringComparison.Ordinal);
        var create = Assert.Single(plan.Steps, s => s.Description == "Create policy tenant_isolation" && s.Table == name);
        Assert.Contains("CREATE POLICY tenant_isolation ON taskcloud.\"" + name + "\" AS PERMISSIVE FOR ALL TO PUBLIC USING ((\"TenantId\" =", create.Sql, StringComparison.Ordinal);
        Assert.Contains("WITH CHECK", create.Sql, StringComparison.Ordinal);
        Assert.Contains("DROP POLICY IF EXISTS tenant_isolation", create.RollbackSql, StringComparison.Ordinal);
        var sequence = Assert.Single(plan.Steps, s => s.Description == "Create sequence invoice_number");
        Assert.Contains("CREATE SEQUENCE IF NOT EXISTS", sequence.Sql, StringComparison.Ordinal);
        Assert.Contains("INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1000", sequence.Sql, StringComparison.Ordinal);
        Assert.Equal("DROP SEQUENCE IF EXISTS taskcloud.invoice_number;", sequence.RollbackSql);
        Assert.All(plan.Steps, s => Assert.NotNull(s.RollbackSql));
    }

    [Fact]
    public void AChangedPolicyIsReplacedAtomicallyAndItsRollbackRestoresTheOldOne()
    {
        var before = Built();
        var name = Tenant(before).Name;
        var after = WithTable(before, t => t.Name == name, t => t with { Policies = t.Policies.Select(p => p.Name == "tenant_reporting" ? p with { VisibleWhen = "(\"TenantId\" > 0)" } : p).ToArray() });

        var step = Assert.Single(MigrationPlanner.Create(SchemaComparer.Compare(before, after)).Steps);

        Assert.Equal("Replace policy tenant_reporting", step.Description);
        Assert.Contains("DROP POLICY IF EXISTS tenant_reporting", step.Sql, StringComparison.Ordinal);
        Assert.Contains("USING ((\"TenantId\" > 0))", step.Sql, StringComparison.Ordinal);
        Assert.Contains("USING (true)", step.RollbackSql, StringComparison.Ordinal);
        Assert.Contains("lock_not_available", step.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void AViewOrAPartitioningChangeIsRefusedWithTheWayToDoIt()
    {
        var built = Built();
        var withView = built with { Views = new[] { "open_tasks" } };
        var partitioned = WithTable(built, t => t == built.Tables[0], t => t with { PartitionBy = "RANGE (\"CreatedAt\")" });

        var view = Assert.Throws<DbArchitectException>(() => MigrationPlanner.Create(SchemaComparer.Compare(built, withView)));
        var partition = Assert.Throws<DbArchitectException>(() => MigrationPlanner.Create(SchemaComparer.Compare(built, partitioned)));

        Assert.Equal("MigrationNotPlanned", view.Errors[0].ErrorId);
        Assert.Contains("CREATE VIEW", view.Errors[0].Fix, StringComparison.Ordinal);
        Assert.Contains("New-PartitionScript", partition.Errors[0].Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherEnginesPlannerRefusesAPolicyDifference()
    {
        var built = Built();
        var name = Tenant(built).Name;
        var changed = WithTable(built, t => t.Name == name, t => t with { Policies = Array.Empty<RowPolicy>() });
        var differences = SchemaComparer.Compare(built, changed);

        var error = Assert.Throws<DbArchitectException>(() => MigrationPlanner.Create(differences, engine: "mariadb"));

        Assert.All(error.Errors, e => Assert.Equal("MigrationNotPlanned", e.ErrorId));
    }
}
