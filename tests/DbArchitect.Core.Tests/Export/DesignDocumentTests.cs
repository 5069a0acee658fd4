// Test data is clearer inline than in static fields.
#pragma warning disable CA1861

using System.Text.RegularExpressions;
using DbArchitect.Core.Design;
using DbArchitect.Core.Diagrams;
using DbArchitect.Core.Export;
using DbArchitect.Core.Tests.Fixtures;

namespace DbArchitect.Core.Tests.Export;

public sealed class DesignDocumentTests
{
    /// <summary>The headings of the architecture template (seeds/000_0267f7e3e106b871.txt), in its order.</summary>
    private static readonly string[] TemplateHeadings =
    {
        "## Database Requirements",
        "### Application Context",
        "### Data Requirements",
        "### Performance Requirements",
        "## Database Architecture Design",
        "### Technology Selection",
        "### Schema Design",
        "#### Entity-Relationship Diagram",
        "#### DDL Statements",
        "### Indexing Strategy",
        "### Partitioning Strategy",
        "### Query Optimization",
        "### Performance Tuning",
        "### Data Migration Strategy",
        "### Backup & Recovery",
        "### Monitoring & Maintenance",
        "### Security Best Practices",
        "### Scalability Roadmap",
    };

    private static string Document(DbDesign? design = null) =>
        DesignExporter.Plan(design ?? ShopDesign.Build(), SampleScripts.Build()).Single(f => f.RelativePath == "design.md").Content;

    private static string[] Lines(string text) => text.Split('\n');

    private static string Section(string document, string heading)
    {
        var lines = Lines(document).ToList();
        var start = lines.IndexOf(heading);
        Assert.True(start >= 0, "Missing heading " + heading);
        var level = heading.IndexOf(' ', StringComparison.Ordinal);
        var end = lines.FindIndex(start + 1, l => Regex.IsMatch(l, "^#{1," + level + "} "));
        return string.Join('\n', lines.Skip(start + 1).Take((end < 0 ? lines.Count : end) - start - 1)).Trim();
    }

    [Fact]
    public void SectionsFollowTheTemplateOrder()
    {
        var lines = Lines(Document()).ToList();
        var positions = TemplateHeadings.Select(h => lines.IndexOf(h)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order().ToList(), positions);
        Assert.StartsWith("# ShopFast — database design\n", Document(), StringComparison.Ordinal);
        Assert.True(lines.IndexOf("## Warnings") > positions[^1]);
    }

    [Fact]
    public void EachDecisionAppearsInTheSectionOfItsArea()
    {
        var document = Document();
        Assert.Contains("**Roles**: Separate owner and application roles — Least privilege.", Section(document, "### Security Best Practices"), StringComparison.Ordinal);
        Assert.Contains("**Foreign keys**: Index every foreign key", Section(document, "### Indexing Strategy"), StringComparison.Ordinal);
        Assert.Contains("**Primary database**: PostgreSQL 15", Section(document, "### Technology Selection"), StringComparison.Ordinal);
        Assert.DoesNotContain("Roles", Section(document, "### Scalability Roadmap"), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryDecisionAreaHasASectionThatRendersIt()
    {
        var decisions = DesignAreas.All.Select(a => new DesignDecision(a, "Subject of " + a, "Decided for " + a, "because")).ToList();
        var document = Document(ShopDesign.Build(decisions));
        Assert.All(DesignAreas.All, a => Assert.Contains("**Subject of " + a + "**: Decided for " + a, document, StringComparison.Ordinal));
    }

    [Fact]
    public void SectionsWithoutDecisionsSayNothingWasRequiredInOneSentence()
    {
        var document = Document();
        foreach (var heading in new[] { "### Partitioning Strategy", "### Query Optimization", "### Backup & Recovery", "### Scalability Roadmap" })
        {
            var body = Section(document, heading);
            Assert.False(string.IsNullOrWhiteSpace(body), heading + " is empty");
            Assert.DoesNotContain('\n', body);
            Assert.StartsWith("No ", body, StringComparison.Ordinal);
            Assert.DoesNotContain("TODO", body, StringComparison.OrdinalIgnoreCase);
        }

        // The fixture states a retention, so the backup sentence must not claim none was stated.
        Assert.Contains("retention of 5y was stated", Section(document, "### Backup & Recovery"), StringComparison.Ordinal);
    }

    [Fact]
    public void DiagramIsEmbeddedAsAMermaidBlock()
    {
        var design = ShopDesign.Build();
        var expected = "```mermaid\n" + MermaidErDiagram.Render(design.Physical) + "```\n";
        Assert.Contains(expected, Document(design), StringComparison.Ordinal);
    }

    [Fact]
    public void RequirementsShowStatedFiguresAndNotStatedForTheRest()
    {
        var document = Document();
        Assert.Contains("- Data Volume: 2,000,000 records", document, StringComparison.Ordinal);
        Assert.Contains("- Read/Write Ratio: 80:20", document, StringComparison.Ordinal);
        Assert.Contains("- Transactions Per Second: not stated", document, StringComparison.Ordinal);
    }

    [Fact]
    public void TablesListNativeTypesNullabilityDefaultsAndKeys()
    {
        var section = Section(Document(), "##### customer_profile");
        Assert.Contains("| customer_id | uuid | not null | – | FK, UK | – |", section, StringComparison.Ordinal);
        Assert.Contains("| id | uuid | not null | generated (random uuid) | PK | – |", section, StringComparison.Ordinal);
        Assert.Contains("Foreign key customer_profile_customer_id_fkey (customer_id) → customer (id), on delete cascade, required", section, StringComparison.Ordinal);
    }

    [Fact]
    public void TableRowsKeepTheirColumnCountWhateverTheNamesContain()
    {
        foreach (var block in Regex.Split(Document(), "\n\n"))
        {
            var rows = block.Split('\n').Where(l => l.StartsWith('|')).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var cells = rows.Select(r => Regex.Count(r, @"(?<!\\)\|")).Distinct().ToList();
            Assert.True(cells.Count == 1, "Ragged table:\n" + block);
        }

        Assert.Contains(@"| price\|net\* |", Document(), StringComparison.Ordinal);
        Assert.Contains(@"Free text \| ""gift"" \*wrap\*", Document(), StringComparison.Ordinal);
    }

    [Fact]
    public void ScriptsAreListedAsBuildStepsAndOptionalScripts()
    {
        var section = Section(Document(), "#### DDL Statements");
        Assert.Contains("- 001_extensions.sql — Extensions", section, StringComparison.Ordinal);
        Assert.Contains(@"- 002_tables.sql — Tables \| keys", section, StringComparison.Ordinal);
        var optional = section[section.IndexOf("Optional", StringComparison.Ordinal)..];
        Assert.Contains("- queries/customer_order_history.sql — Query template", optional, StringComparison.Ordinal);
    }

    [Fact]
    public void NoAbsolutePathOrTimestampLeaksIntoTheDocument()
    {
        var document = Document();
        Assert.DoesNotContain(ShopDesign.SourcePath, document, StringComparison.Ordinal);
        Assert.DoesNotContain("/home/", document, StringComparison.Ordinal);
        Assert.Contains("from shop.yaml.", document, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", document);
        Assert.DoesNotContain('\r', document);
    }
}
