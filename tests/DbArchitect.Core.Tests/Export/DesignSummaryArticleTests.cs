using DbArchitect.Core.Design;
using DbArchitect.Core.Export;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.Export;

/// <summary>design.md's summary sentence starts with the article its engine's name takes ("An Amazon DynamoDB", not "A Amazon").</summary>
public sealed class DesignSummaryArticleTests
{
    [Theory]
    [InlineData("postgresql", "A PostgreSQL 15 design of ")]
    [InlineData("oracle", "An Oracle Database 19c design of ")]
    [InlineData("dynamodb", "An Amazon DynamoDB (key-value) design: ")]
    [InlineData("mongodb", "A MongoDB 7.0 (document) design: ")]
    public void The_summary_names_the_engine_with_its_article(string engine, string expected)
    {
        var design = DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.Examples, "ecommerce.yaml")), engine);
        var markdown = DesignExporter.Plan(design).Single(f => f.RelativePath == "design.md").Content;
        Assert.Contains(expected, markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Amazon DynamoDB", "An")]
    [InlineData("Oracle Database 19c", "An")]
    [InlineData("MySQL 8.0", "A")]
    [InlineData("", "A")]
    public void Article_goes_by_the_first_letter(string name, string article) => Assert.Equal(article, InvariantText.Article(name));
}
