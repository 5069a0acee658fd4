using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Engines.Oracle;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Tests.Oracle;

/// <summary>Every example and hostile spec designs with -Engine oracle, deterministically, and its scripts pass the Oracle rule checker.</summary>
public sealed class OracleDesignTests
{
    /// <summary>Every example and hostile spec, relative to the repository root.</summary>
    public static IReadOnlyList<string> SpecPaths() => TestPaths.ExampleAndHostileSpecs;

    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        foreach (var spec in SpecPaths())
        {
            data.Add(spec);
        }

        return data;
    }

    internal static DbDesign Design(string relative) =>
        DesignEngine.Create(RequirementsReader.Load(Path.Combine(TestPaths.RepositoryRoot, relative)), "oracle");

    [Theory]
    [MemberData(nameof(Specs))]
    public void SpecDesignsWithOracleAndPassesTheRuleChecker(string spec)
    {
        var design = Design(spec);
        Assert.Equal("oracle", design.Engine);
        var scripts = new OracleScripts().Generate(design);
        Assert.Contains(scripts, s => s.Name == "001_schema.sql");
        var findings = OracleRuleChecker.Check(scripts);
        Assert.True(findings.Count == 0, string.Join("\n", findings.Take(40)));
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void SpecDesignIsDeterministic(string spec)
    {
        var first = new OracleScripts().Generate(Design(spec));
        var second = new OracleScripts().Generate(Design(spec));
        Assert.Equal(first.Select(s => s.RelativePath + "\n" + s.Text), second.Select(s => s.RelativePath + "\n" + s.Text));
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void EveryPhysicalNameFitsOracleAndColumnsUseOracleTypes(string spec)
    {
        var design = Design(spec);
        var rules = new OracleIdentifiers();
        foreach (var table in design.Physical.Tables)
        {
            Assert.True(System.Text.Encoding.UTF8.GetByteCount(table.Name) <= 128, table.Name);
            foreach (var column in table.Columns)
            {
                Assert.DoesNotContain(column.NativeType!, new[] { "uuid", "text", "jsonb", "timestamptz", "boolean", "bytea", "integer" });
                Assert.Equal(rules.Quote(column.Name), OracleWriter.Id(column.Name));
            }
        }
    }

    [Fact]
    public void DesignDocumentExplainsOracleDifferences()
    {
        var design = Design("examples/requirements/saas-projects.yaml");
        Assert.Contains(design.Decisions, d => d.Subject == "Identifiers" && d.Reason.Contains("upper case", StringComparison.Ordinal));
        Assert.Contains(design.Decisions, d => d.Subject == "Empty string");
        Assert.Contains(design.Decisions, d => d.Subject == "Target release" && d.Reason.Contains("23ai", StringComparison.Ordinal));
        Assert.Contains(design.Decisions, d => d.Subject == "Multi-tenancy" && d.Decision.Contains("Virtual Private Database", StringComparison.Ordinal));
    }
}
