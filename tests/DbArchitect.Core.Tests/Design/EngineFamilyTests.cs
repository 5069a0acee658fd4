using DbArchitect.Core.Design;
using DbArchitect.Core.Design.Families;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Export;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Technology;

namespace DbArchitect.Core.Tests.Design;

/// <summary>The engine registry as the one list of engines, and the path a non-relational design takes through export and the relational-only cmdlets.</summary>
public sealed class EngineFamilyTests
{
    [Fact]
    public void EveryEngineListIsDerivedFromTheRegistryEntries()
    {
        Assert.Equal(EngineRegistry.Entries.Select(e => e.Id), EngineRegistry.KnownEngineIds);
        Assert.Equal(EngineRegistry.Entries.Where(e => e.Relational is not null).Select(e => e.Id), EngineRegistry.All.Select(e => e.Id));
        Assert.Equal(EngineRegistry.Entries.Where(e => e.CanDesign).Select(e => e.Id), EngineRegistry.DesignableIds);
        Assert.Equal(EngineRegistry.KnownEngineIds.Order(StringComparer.Ordinal), EngineProfiles.All.Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.All(EngineRegistry.Entries.Where(e => e.Relational is not null), e => Assert.Equal(EngineFamily.Relational, e.Family));
    }

    [Fact]
    public void CapabilitiesFollowTheEnginesOwnParts()
    {
        var postgres = EngineRegistry.Entry("postgresql").Capabilities;
        Assert.True(postgres.HasFlag(EngineCapabilities.Design | EngineCapabilities.Live | EngineCapabilities.Import | EngineCapabilities.Migrate | EngineCapabilities.Partition | EngineCapabilities.IndexAdvice | EngineCapabilities.Lint));
        Assert.False(EngineRegistry.Entry("oracle").Capabilities.HasFlag(EngineCapabilities.Live));
        Assert.Equal(EngineCapabilities.None, EngineRegistry.Entry("neo4j").Capabilities);
    }

    [Theory]
    [InlineData("neo4j")]
    [InlineData("neptune")]
    public void AKnownEngineThatCannotDesignNamesItsFamilyAndTheEnginesThatCan(string engine)
    {
        Assert.True(EngineRegistry.IsKnown(engine));
        Assert.Equal(EngineFamily.Graph, EngineRegistry.Entry(engine).Family);
        var error = Assert.Throws<DbArchitectException>(() => EngineRegistry.Designable(engine)).Errors.Single();
        Assert.Equal("EngineNotImplemented", error.ErrorId);
        Assert.Contains("graph", error.Message, StringComparison.Ordinal);
        Assert.Contains(string.Join(", ", EngineRegistry.DesignableIds), error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownEngineListsEveryKnownOne()
    {
        var error = Assert.Throws<DbArchitectException>(() => EngineRegistry.Entry("couchdb")).Errors.Single();
        Assert.Equal("UnknownEngine", error.ErrorId);
        Assert.Contains(string.Join(", ", EngineRegistry.KnownEngineIds), error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void AFamilyDesignExportsItsOwnFilesThenTheDiagramDocumentAndJsonInTheSeedsSectionOrder()
    {
        var design = FamilyDesignOf(new StubFamily());
        var files = DesignExporter.Plan(design);
        Assert.Equal(new[] { "stub/create.js", DesignExporter.DiagramFile, DesignExporter.DocumentFile, DesignExporter.JsonFile }, files.Select(f => f.RelativePath));
        var md = files.Single(f => f.RelativePath == DesignExporter.DocumentFile).Content;
        var headings = md.Split('\n').Where(l => l.StartsWith("### ", StringComparison.Ordinal)).ToList();
        var relational = DesignExporter.Plan(DesignEngine.Create(Requirement(), "postgresql")).Single(f => f.RelativePath == DesignExporter.DocumentFile).Content
            .Split('\n').Where(l => l.StartsWith("### ", StringComparison.Ordinal)).ToList();
        Assert.Equal(relational, headings);
        foreach (var area in DesignAreas.All.Where(a => a is not DesignAreas.Technology and not DesignAreas.SupportingTechnology))
        {
            Assert.Contains("stub body for " + area, md, StringComparison.Ordinal);
        }

        var json = files.Single(f => f.RelativePath == DesignExporter.JsonFile).Content;
        Assert.Contains("\"family\": \"document\"", json, StringComparison.Ordinal);
        Assert.Contains("\"collections\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"tables\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("New-PartitionScript")]
    [InlineData("Get-IndexRecommendation")]
    [InlineData("Compare-DbSchema")]
    public void RelationalOperationsSayPlainlyTheyDoNotApplyToAnotherFamily(string operation)
    {
        var error = Assert.Throws<DbArchitectException>(() => RelationalOnly.Require(FamilyDesignOf(new StubFamily()), operation)).Errors.Single();
        Assert.Equal("OperationNotApplicable", error.ErrorId);
        Assert.Contains(operation, error.Message, StringComparison.Ordinal);
        Assert.Contains("document", error.Message, StringComparison.Ordinal);
        RelationalOnly.Require(DesignEngine.Create(Requirement(), "postgresql"), operation);
    }

    [Theory]
    [InlineData("mongodb", "document")]
    [InlineData("dynamodb", "key-value")]
    [InlineData("redis", "key-value")]
    public void AFamilyEngineDesignsOnlyAndARelationalOperationByIdNamesItsFamily(string engine, string family)
    {
        // Their parts are a designer only: no live driver, inspector, migration planner, partitioning, index advice or lint rules.
        Assert.Equal(EngineCapabilities.Design, EngineRegistry.Entry(engine).Capabilities);
        var error = Assert.Throws<DbArchitectException>(() => EngineRegistry.Get(engine)).Errors.Single();
        Assert.Equal("OperationNotApplicable", error.ErrorId);
        Assert.Contains($"a {family} store", error.Message, StringComparison.Ordinal);
        Assert.Contains(string.Join(", ", EngineRegistry.All.Select(e => e.Id)), error.Fix, StringComparison.Ordinal);
    }

    private static DbRequirement Requirement() => Spec.Requirement(new[] { Spec.Entity("customer", Spec.Attr("email", LogicalType.String(200), required: true)) });

    private static DbDesign FamilyDesignOf(FamilyDesign family)
    {
        var none = new SchemaModel("ShopFast", "shop_fast", Array.Empty<Table>(), Array.Empty<string>());
        return new DbDesign(Requirement(), "stub", "Stub 1.0", none, none, Array.Empty<DesignDecision>(), Array.Empty<DesignWarning>())
        {
            Family = EngineFamily.Document,
            FamilyModel = family,
        };
    }

    private sealed class StubFamily : FamilyDesign
    {
        public override object Model => new { Collections = new[] { "customer" } };

        public override IReadOnlyList<DesignFile> Files => new[] { new DesignFile("stub/create.js", "creates it", "db.createCollection('customer');\n") };

        public override string Diagram => "erDiagram\n    customer {\n    }\n";

        public override string Summary => "1 collection";

        internal override void WriteSection(string area, MarkdownBuilder md) => md.Paragraph("stub body for " + area);
    }
}
