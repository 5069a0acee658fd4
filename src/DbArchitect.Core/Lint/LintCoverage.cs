using System.Globalization;
using DbArchitect.Core.Reporting;

namespace DbArchitect.Core.Lint;

/// <summary>
/// The rules a lint run applied that found nothing, as Pass rows of its pipeline report: a clean run is then a JUnit
/// file of passing cases (one per rule), not <c>tests="0"</c>, which a CI server reads as "nothing was checked".
/// </summary>
public static class LintCoverage
{
    public static IReadOnlyList<IReportFinding> PassRows(LintOptions options, IEnumerable<LintFinding> active, int scripts)
    {
        var dialect = LintRuleCatalog.DialectFor(options.Engine).Engines[0];
        var fired = active.Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal);
        var message = string.Format(CultureInfo.InvariantCulture, "No finding in {0} script(s).", scripts);
        return MigrationLinter.SelectRules(LintRuleCatalog.RulesFor(options.Engine), options)
            .Where(rule => !fired.Contains(rule.Id))
            .Select(rule => (IReportFinding)new ReportFinding(rule.Id, LintFinding.TitleOf(rule.Id), rule.Category, ReportLevel.Pass, message,
                HelpUri: ReportTool.LintRuleHelp(dialect, rule.Id))
            {
                HelpText = LintFinding.HelpTextOf(rule),
            })
            .ToList();
    }
}
