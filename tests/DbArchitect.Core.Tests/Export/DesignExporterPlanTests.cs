// Test data is clearer inline than in static fields.
#pragma warning disable CA1861

using DbArchitect.Core.Diagrams;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Export;
using DbArchitect.Core.Tests.Fixtures;

namespace DbArchitect.Core.Tests.Export;

public sealed class DesignExporterPlanTests
{
    [Fact]
    public void ScriptsComeFirstAtTheirPathsThenDiagramDocumentAndJson()
    {
        var plan = DesignExporter.Plan(ShopDesign.Build(), SampleScripts.Build());
        Assert.Equal(
            new[] { "001_extensions.sql", "002_tables.sql", "queries/customer_order_history.sql", "er.mmd", "design.md", "design.json" },
            plan.Select(f => f.RelativePath));
        Assert.Equal("SELECT 1;\n", plan[2].Content);
    }

    [Fact]
    public void PublicPlanUsesTheEnginesScriptsAndEndsWithTheThreeDesignFiles()
    {
        var design = ShopDesign.Build();
        var scripts = EngineRegistry.Get(design.Engine).Scripts.Generate(design);
        var plan = DesignExporter.Plan(design);
        Assert.Equal(scripts.Select(s => s.RelativePath).Concat(new[] { "er.mmd", "design.md", "design.json" }), plan.Select(f => f.RelativePath));
        Assert.Equal(MermaidErDiagram.Render(design.Physical), plan.Single(f => f.RelativePath == "er.mmd").Content);
    }

    [Theory]
    [InlineData("../escape.sql")]
    [InlineData("/etc/passwd")]
    [InlineData("queries\\x.sql")]
    [InlineData("queries//x.sql")]
    [InlineData("er.mmd")]
    public void ScriptPathsOutsideTheFolderOrClashingWithDesignFilesAreRefused(string path)
    {
        var scripts = new[] { new SqlScript(path, 1, ScriptKind.Tables, "postgresql", "bad", "SELECT 1;", true) };
        var ex = Assert.Throws<DbArchitectException>(() => DesignExporter.Plan(ShopDesign.Build(), scripts));
        Assert.Equal("InvalidExportPath", ex.Errors[0].ErrorId);
    }

    [Theory]
    [InlineData("/home/dba/shop.yaml")]
    [InlineData(@"C:\Users\dba\shop.yaml")]
    [InlineData("shop.yaml")]
    public void DesignFilesNameTheRequirementsFileWithoutItsFolder(string source)
    {
        var design = ShopDesign.Build() with { Requirement = ShopDesign.Requirement() with { SourcePath = source } };
        var plan = DesignExporter.Plan(design, SampleScripts.Build());
        Assert.Contains("\"source\": \"shop.yaml\"", plan.Single(f => f.RelativePath == "design.json").Content, StringComparison.Ordinal);
        Assert.Contains("from shop.yaml.", plan.Single(f => f.RelativePath == "design.md").Content, StringComparison.Ordinal);
        Assert.All(plan, f => Assert.DoesNotContain("dba", f.Content, StringComparison.Ordinal));
    }
}
