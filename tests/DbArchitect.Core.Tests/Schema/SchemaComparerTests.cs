using DbArchitect.Core.Design;
using DbArchitect.Core.Engines.PostgreSql;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Schema;

namespace DbArchitect.Core.Tests.Schema;

public sealed class SchemaComparerTests
{
    internal static DbDesign Migration(string file, string engine = "postgresql") =>
        DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "migration", file)), engine);

    [Fact]
    public void ADesignComparedWithItselfHasNoDifference()
    {
        var design = Migration("shop-v1.yaml");

        Assert.Empty(SchemaComparer.Compare(design.Physical, design.Physical, engine: "postgresql"));
    }

    [Fact]
    public void TwoVersionsDifferInTheAddedColumnsTypesIndexAndForeignKey()
    {
        var differences = SchemaComparer.Compare(Migration("shop-v1.yaml").Physical, Migration("shop-v2.yaml").Physical, engine: "postgresql");

        Assert.Contains(differences, d => d is { Change: DifferenceChange.Added, ObjectKind: SchemaObjectKind.Column, Table: "customer", Name: "loyalty_points" });
        Assert.Contains(differences, d => d is { Change: DifferenceChange.Added, ObjectKind: SchemaObjectKind.Column, Name: "placed_at" });
        Assert.Contains(differences, d => d is { ObjectKind: SchemaObjectKind.Column, Name: "quantity", Property: DifferenceProperty.Type, ReferenceValue: "integer", DifferenceValue: "bigint" });
        Assert.Contains(differences, d => d is { ObjectKind: SchemaObjectKind.Column, Name: "note", Property: DifferenceProperty.Type, DifferenceValue: "character varying(500)" });
        Assert.Contains(differences, d => d is { Change: DifferenceChange.Added, ObjectKind: SchemaObjectKind.ForeignKey, Table: "product" });
        Assert.Contains(differences, d => d is { Change: DifferenceChange.Added, ObjectKind: SchemaObjectKind.Index, Table: "order" });
        Assert.DoesNotContain(differences, d => d.Change == DifferenceChange.Removed);
        Assert.All(differences, d => Assert.NotNull(d.Comparison));
    }

    [Fact]
    public void AnAliasOfTheSameTypeIsNoDifference()
    {
        var design = Migration("shop-v1.yaml").Physical;
        var aliased = design with
        {
            Tables = design.Tables.Select(t => t with { Columns = t.Columns.Select(c => c with { NativeType = c.NativeType!.Replace("varchar", "character varying", StringComparison.Ordinal).Replace("timestamptz", "timestamp with time zone", StringComparison.Ordinal) }).ToArray() }).ToArray(),
        };

        Assert.Empty(SchemaComparer.Compare(design, aliased, engine: "postgresql"));
    }

    [Fact]
    public void ARenameIsReportedOnlyWithAHint()
    {
        var v1 = Migration("shop-v1.yaml").Physical;
        var customer = v1.FindTable("customer")!;
        var renamed = v1 with { Tables = v1.Tables.Select(t => t == customer ? t with { Columns = t.Columns.Select(c => c.Name == "full_name" ? c with { Name = "display_name" } : c).ToArray() } : t).ToArray() };

        var guessed = SchemaComparer.Compare(v1, renamed, engine: "postgresql");
        var hinted = SchemaComparer.Compare(v1, renamed, RenameMap.From(new Dictionary<string, string> { ["customer.full_name"] = "display_name" }), "postgresql");

        Assert.Contains(guessed, d => d is { Change: DifferenceChange.Removed, Name: "full_name" });
        Assert.Contains(guessed, d => d is { Change: DifferenceChange.Added, Name: "display_name" });
        var rename = Assert.Single(hinted);
        Assert.Equal((DifferenceChange.Renamed, "full_name", "display_name"), (rename.Change, rename.ReferenceValue, rename.DifferenceValue));
    }

    [Theory]
    [InlineData("varchar(100)", "varchar(500)", TypeChangeKind.InPlace)]
    [InlineData("varchar(100)", "text", TypeChangeKind.InPlace)]
    [InlineData("numeric(10,2)", "numeric(12,2)", TypeChangeKind.InPlace)]
    [InlineData("integer", "bigint", TypeChangeKind.Widening)]
    [InlineData("bigint", "integer", TypeChangeKind.Narrowing)]
    [InlineData("varchar(500)", "varchar(100)", TypeChangeKind.Narrowing)]
    [InlineData("numeric(12,2)", "numeric(12,4)", TypeChangeKind.Narrowing)]
    public void PostgreSqlTypeChangesAreClassifiedByWhatTheServerDoes(string from, string to, TypeChangeKind expected) =>
        Assert.Equal(expected, PostgreSqlTypeChange.Classify(from, to));

    [Fact]
    public void TableWildcardsMatchLikePowerShell()
    {
        var filter = new SchemaFilter(null, new[] { "ord*", "customer" });

        Assert.True(filter.MatchesTable("Order_Item"));
        Assert.True(filter.MatchesTable("customer"));
        Assert.False(filter.MatchesTable("customers"));
        Assert.True(filter.MatchesSchema("anything"));
    }
}
