using DbArchitect.Core.Engines.SqlServer;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using Index = DbArchitect.Core.Model.Index;

namespace DbArchitect.Core.Tests.SqlServer;

public sealed class SqlServerCascadePathsTests
{
    private static ForeignKey Fk(string name, string column, string parent, DeleteAction action, params string[] setNull) =>
        new(name, new[] { column }, parent, new[] { "id" }, action, setNull, false, string.Empty);

    private static Table T(string name, params ForeignKey[] keys) =>
        new(name, TableKind.Entity, null,
            new[] { new Column("id", LogicalType.Uuid, false, null, ColumnRole.PrimaryKey, KeyGeneration.RandomUuid, null, "UNIQUEIDENTIFIER") }
                .Concat(keys.SelectMany(k => k.Columns).Select(c => new Column(c, LogicalType.Uuid, true, null, ColumnRole.ForeignKey, KeyGeneration.None, null, "UNIQUEIDENTIFIER"))).ToArray(),
            new PrimaryKey("pk_" + name, new[] { "id" }), keys, Array.Empty<UniqueKey>(), Array.Empty<CheckConstraint>(), Array.Empty<Index>(),
            TableFeatures.None, name, null, null);

    /// <summary>
    /// customer → order (cascade), customer → shipment (cascade), order → order_item (cascade), shipment →
    /// order_item (cascade): two paths from customer to order_item. Plus a self-referencing cascade and a two-table cycle.
    /// </summary>
    private static SchemaModel MultiPath() => new("shop", "shop", new[]
    {
        T("customer"),
        T("order", Fk("fk_order_customer", "customer_id", "customer", DeleteAction.Cascade)),
        T("shipment", Fk("fk_shipment_customer", "customer_id", "customer", DeleteAction.Cascade)),
        T("order_item",
            Fk("fk_item_order", "order_id", "order", DeleteAction.Cascade),
            Fk("fk_item_shipment", "shipment_id", "shipment", DeleteAction.SetNull)),
        T("category", Fk("fk_category_parent", "parent_id", "category", DeleteAction.Cascade)),
        T("a", Fk("fk_a_b", "b_id", "b", DeleteAction.Cascade)),
        T("b", Fk("fk_b_a", "a_id", "a", DeleteAction.Cascade)),
    }, Array.Empty<string>());

    private static List<(string Parent, string Child)> KeptCascades(SchemaModel model, IReadOnlyList<CascadeResolution> resolutions) =>
        model.Tables.SelectMany(t => t.ForeignKeys.Where(SqlServerCascadePaths.IsCascading)
                .Where(f => !resolutions.Any(r => r.Table == t.Name && r.ForeignKey == f.Name))
                .Select(f => (f.ReferencedTable, t.Name)))
            .ToList();

    [Fact]
    public void TheMultiPathGraphIsInvalidAsDeclared()
    {
        var model = MultiPath();
        var all = model.Tables.SelectMany(t => t.ForeignKeys.Where(SqlServerCascadePaths.IsCascading).Select(f => (f.ReferencedTable, t.Name))).ToList();
        Assert.NotNull(SqlServerCascadePaths.Conflict(all));
    }

    [Fact]
    public void TheResolverLeavesNoTwoCascadePathsAndNoCycle()
    {
        var model = MultiPath();
        var resolutions = SqlServerCascadePaths.Resolve(model);
        Assert.Null(SqlServerCascadePaths.Conflict(KeptCascades(model, resolutions)));
        Assert.DoesNotContain(KeptCascades(model, resolutions), e => e.Parent == e.Child);
    }

    [Fact]
    public void TheResolverDemotesExactlyTheConflictingKeysAndSaysWhy()
    {
        var resolutions = SqlServerCascadePaths.Resolve(MultiPath());
        Assert.Equal(new[] { "fk_b_a", "fk_category_parent", "fk_item_shipment" }, resolutions.Select(r => r.ForeignKey).Order(StringComparer.Ordinal));
        Assert.Contains("references itself", resolutions.Single(r => r.ForeignKey == "fk_category_parent").Reason, StringComparison.Ordinal);
        Assert.Contains("cycle", resolutions.Single(r => r.ForeignKey == "fk_b_a").Reason, StringComparison.Ordinal);
        Assert.Contains("two cascade paths", resolutions.Single(r => r.ForeignKey == "fk_item_shipment").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CascadesWinOverSetNullAndTheOrderIsDeterministic()
    {
        // The SET NULL key is declared first, but cascades are kept first: the set-null one is demoted.
        var first = SqlServerCascadePaths.Resolve(MultiPath());
        var second = SqlServerCascadePaths.Resolve(MultiPath());
        Assert.Equal(first, second);
        Assert.Equal(DeleteAction.SetNull, first.Single(r => r.ForeignKey == "fk_item_shipment").Requested);
    }

    [Fact]
    public void ADemotedKeyIsEmulatedByATriggerOnlyWhereSqlServerAllowsOne()
    {
        var resolutions = SqlServerCascadePaths.Resolve(MultiPath());
        // shipment cascades from customer itself, so it may not carry an INSTEAD OF DELETE trigger (error 2113).
        Assert.False(resolutions.Single(r => r.ForeignKey == "fk_item_shipment").Emulated);
        Assert.Contains("2113", resolutions.Single(r => r.ForeignKey == "fk_item_shipment").Reason, StringComparison.Ordinal);
        // A self-referencing cascade would need a recursive delete: the application deletes leaves first.
        Assert.False(resolutions.Single(r => r.ForeignKey == "fk_category_parent").Emulated);
    }

    [Fact]
    public void APartialSetNullOnACompositeTenantKeyIsDemotedAndEmulated()
    {
        var key = new ForeignKey("fk_task_assignee", new[] { "tenant_id", "assignee_id" }, "member", new[] { "tenant_id", "id" },
            DeleteAction.SetNull, new[] { "assignee_id" }, false, string.Empty);
        var model = new SchemaModel("p", "p", new[] { T("member"), T("task") with { ForeignKeys = new[] { key } } }, Array.Empty<string>());
        var resolution = Assert.Single(SqlServerCascadePaths.Resolve(model));
        Assert.True(resolution.Emulated);
        Assert.Contains("tenant_id", resolution.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDesignRecordsTheResolutionAndTheScriptsDeclareNoActionWithTheTrigger()
    {
        var design = SqlServerModels.Named("shop");
        Assert.Contains(design.Decisions, d => d.Subject == "order.fk_order_shipping_id" && d.Decision == "ON DELETE NO ACTION" && d.Reason.Contains("two cascade paths", StringComparison.Ordinal));
        Assert.Contains(design.Decisions, d => d.Subject == "category.fk_category_parent_id" && d.Decision.Contains("INSTEAD OF DELETE", StringComparison.Ordinal));
        var scripts = SqlServerDesigns.Scripts(design);
        var fks = scripts.Single(s => s.Kind == Engines.ScriptKind.ForeignKeys).Text;
        Assert.Contains("ADD CONSTRAINT [fk_order_shipping_id] FOREIGN KEY ([shipping_id])\n    REFERENCES [shop_fast].[address] ([id])\n    ON DELETE NO ACTION;", fks, StringComparison.Ordinal);
        Assert.Contains("INSTEAD OF DELETE", scripts.Single(s => s.Kind == Engines.ScriptKind.Triggers).Text, StringComparison.Ordinal);
        // The physical model says what the database does: the non-emulated key is NO ACTION there too.
        Assert.Equal(DeleteAction.NoAction, design.Physical.FindTable("order")!.ForeignKeys.Single(f => f.Name == "fk_order_shipping_id").OnDelete);
    }
}
