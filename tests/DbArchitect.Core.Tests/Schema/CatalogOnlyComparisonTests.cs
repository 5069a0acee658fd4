using DbArchitect.Core.Design;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Migration;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Schema;
using static DbArchitect.Core.Tests.Design.Spec;

namespace DbArchitect.Core.Tests.Schema;

/// <summary>
/// Computed column expressions and storage options (temporal, memory-optimized) exist only in catalogs: two imported
/// schemas are compared on them, a design never is, and New-DbMigrationScript refuses them with the way to do it.
/// </summary>
public sealed class CatalogOnlyComparisonTests
{
    private static SchemaModel Imported(Func<Table, Table> change)
    {
        var design = DesignEngine.Create(Requirement(new[] { Entity("invoice", Attr("net", LogicalType.Decimal(12, 2), required: true), Attr("tax", LogicalType.Decimal(12, 2), required: true)) }), "sqlserver");
        return design.Physical with { Engine = "sqlserver", Tables = design.Physical.Tables.Select(change).ToArray() };
    }

    private static Table Computed(Table t, string expression) =>
        t with { Columns = t.Columns.Select(c => c.Name == "tax" ? c with { Computed = expression } : c).ToArray() };

    [Fact]
    public void TwoImportedSchemasDifferInAComputedExpressionAndInStorageOptions()
    {
        var before = Imported(t => Computed(t, "([net]*(0.2))"));
        var after = Imported(t => Computed(t, "([net]*(0.25))") with { Options = new[] { "MEMORY_OPTIMIZED" } });
        var differences = SchemaComparer.Compare(before, after, engine: "sqlserver");
        var computed = Assert.Single(differences, d => d.Property == DifferenceProperty.Computed);
        Assert.Equal(("([net]*(0.2))", "([net]*(0.25))"), (computed.ReferenceValue, computed.DifferenceValue));
        var options = Assert.Single(differences, d => d.Property == DifferenceProperty.StorageOptions);
        Assert.Equal((null, "MEMORY_OPTIMIZED"), (options.ReferenceValue, options.DifferenceValue));
        Assert.Equal(2, differences.Count);
    }

    [Fact]
    public void ADesignIsNeverComparedOnWhatOnlyACatalogKnows()
    {
        var imported = Imported(t => Computed(t, "([net]*(0.2))") with { Options = new[] { "MEMORY_OPTIMIZED" } });
        var design = imported with { Engine = null, Tables = imported.Tables.Select(t => Computed(t, null!) with { Options = Array.Empty<string>() }).ToArray() };
        Assert.DoesNotContain(SchemaComparer.Compare(design, imported, engine: "sqlserver"), d => d.Property is DifferenceProperty.Computed or DifferenceProperty.StorageOptions);
    }

    [Fact]
    public void NewDbMigrationScriptRefusesThemWithTheWayToDoIt()
    {
        var differences = SchemaComparer.Compare(Imported(t => Computed(t, "([net]*(0.2))")), Imported(t => Computed(t, "([net]*(0.25))") with { Options = new[] { "MEMORY_OPTIMIZED" } }), engine: "sqlserver");
        var errors = Assert.Throws<DbArchitectException>(() => MigrationPlanner.Create(differences)).Errors;
        Assert.All(errors, e => Assert.Equal("MigrationNotPlanned", e.ErrorId));
        Assert.Contains(errors, e => e.Fix!.Contains("dropping and adding it again", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Fix!.Contains("SYSTEM_VERSIONING OFF", StringComparison.Ordinal));
    }
}
