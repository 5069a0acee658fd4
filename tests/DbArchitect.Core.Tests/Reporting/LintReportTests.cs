using System.Text.Json;
using System.Xml.Linq;
using DbArchitect.Core.Lint;
using DbArchitect.Core.Reporting;

namespace DbArchitect.Core.Tests.Reporting;

/// <summary>The reports of a real lint run (rules, findings and the Pass rows of rules that found nothing), as Test-DbMigrationScript writes them.</summary>
public sealed class LintReportTests
{
    private static PipelineReport Report(string engine, string file, string sql)
    {
        var options = new LintOptions(engine);
        var findings = MigrationLinter.Lint(new LintSource(file, sql), options).Where(f => !f.Suppressed).ToList();
        return new PipelineReport("DbArchitect.PS", "1.0.0", "lint", findings.Concat(LintCoverage.PassRows(options, findings, 1)), ReportSamples.StartedAt, TimeSpan.FromMilliseconds(5));
    }

    [Fact]
    public void A_clean_run_is_one_passing_case_per_rule_not_an_empty_suite()
    {
        var doc = XDocument.Parse(JUnitReportWriter.Write(Report("postgresql", "V1__ok.sql", "SELECT 1;")));
        var rules = LintRuleCatalog.RulesFor("postgresql").Count;
        Assert.Equal(rules.ToString(System.Globalization.CultureInfo.InvariantCulture), doc.Root!.Attribute("tests")!.Value);
        Assert.Equal("0", doc.Root!.Attribute("failures")!.Value);
        Assert.True(rules > 10);
    }

    [Fact]
    public void A_rule_that_fired_has_its_findings_and_no_pass_row()
    {
        var report = Report("postgresql", "V2__drop.sql", "ALTER TABLE t DROP COLUMN c;");
        Assert.Contains(report.Findings, f => f.RuleId == "ban-drop-column" && f.Level == ReportLevel.Error);
        Assert.DoesNotContain(report.Findings, f => f.RuleId == "ban-drop-column" && f.Level == ReportLevel.Pass);
        Assert.Contains(report.Findings, f => f.RuleId == "ban-drop-table" && f.Level == ReportLevel.Pass);
    }

    [Theory]
    [InlineData("postgresql", "ALTER TABLE orders ADD COLUMN note text NOT NULL; CREATE INDEX ix ON orders (a); DROP TABLE x;")]
    [InlineData("mariadb", "ALTER TABLE orders ADD COLUMN note text NOT NULL; DROP TABLE x;")]
    [InlineData("postgresql", "SELECT 1;")]
    public void Sarif_and_JUnit_of_a_lint_run_validate_against_the_published_schemas(string engine, string sql)
    {
        var report = Report(engine, "migrations/V3__weird name, with comma.sql", sql);
        var sarif = SarifReportWriter.Write(report);
        Assert.Empty(ReportSchemas.ValidateSarif(sarif));
        Assert.Empty(ReportSchemas.ValidateJUnit(JUnitReportWriter.Write(report)));

        // Every rule that ran is in the rule list with its own documentation, and every result points at the file.
        var run = JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(LintRuleCatalog.RulesFor(engine).Count, rules.Count);
        Assert.All(rules, r => Assert.Contains("Safe alternative:", r.GetProperty("help").GetProperty("text").GetString(), StringComparison.Ordinal));
        Assert.All(rules, r => Assert.Contains($"lint-rules.md#{LintRuleCatalog.DialectFor(engine).Engines[0]}-{r.GetProperty("id").GetString()}", r.GetProperty("helpUri").GetString(), StringComparison.Ordinal));
        Assert.All(run.GetProperty("results").EnumerateArray(), r => Assert.Equal(
            "migrations/V3__weird%20name%2C%20with%20comma.sql",
            r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));
    }

    [Fact]
    public void Every_rule_anchor_a_help_uri_names_exists_in_docs_lint_rules()
    {
        var page = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "lint-rules.md"));
        foreach (var dialect in LintRuleCatalog.Dialects)
        {
            foreach (var rule in LintRuleCatalog.RulesFor(dialect.Engines[0]))
            {
                Assert.Contains($"<a id=\"{ReportTool.LintRuleAnchor(dialect.Engines[0], rule.Id)}\"></a>", page, StringComparison.Ordinal);
            }
        }
    }
}
