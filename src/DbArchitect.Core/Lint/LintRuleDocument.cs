using System.Globalization;
using System.Text;
using DbArchitect.Core.Reporting;

namespace DbArchitect.Core.Lint;

/// <summary>docs/lint-rules.md, written from the catalog itself so the documentation lists exactly the rules that run.</summary>
public static class LintRuleDocument
{
    public static string Write()
    {
        var text = new StringBuilder();
        text.Append("# Migration lint rules\n\n");
        text.Append("Generated from the rule catalog (`LintRuleCatalog`); a test keeps this page equal to the code.\n");
        text.Append("Test-DbMigrationScript runs these rules. Suppress one on the next statement with\n");
        text.Append("`-- dbarchitect-disable-next-line <rule-id> -- <reason>` or in the whole file with\n");
        text.Append("`-- dbarchitect-disable-file <rule-id> -- <reason>` (squawk's `squawk-ignore` comments are honoured too).\n");
        foreach (var dialect in LintRuleCatalog.Dialects)
        {
            var rules = LintRuleCatalog.RulesFor(dialect.Engines[0]);
            text.Append(CultureInfo.InvariantCulture, $"\n## {string.Join(", ", dialect.Engines)} ({rules.Count} rules)\n\n");
            text.Append("| Rule | Severity | Category | What it catches | Safe alternative |\n|---|---|---|---|---|\n");
            foreach (var rule in rules)
            {
                text.Append(CultureInfo.InvariantCulture, $"| <a id=\"{ReportTool.LintRuleAnchor(dialect.Engines[0], rule.Id)}\"></a>`{rule.Id}` | {rule.Severity} | {rule.Category} | {Cell(rule.Summary)} | {Cell(rule.Fix)} |\n");
            }
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
