namespace DbArchitect.Core.Reporting;

/// <summary>
/// The tool as reports name it, and where its documentation lives: SARIF's driver informationUri and every rule's
/// helpUri point here. One place, so the manifest (ProjectUri, HelpInfoUri) and the reports cannot drift apart; a test
/// compares them.
/// </summary>
public static class ReportTool
{
    public const string Name = "DbArchitect.PS";

    /// <summary>The project's home page (the module manifest's ProjectUri).</summary>
    public const string InformationUri = "https://github.com/dbarchitect/DbArchitect.PS";

    private const string Docs = InformationUri + "/blob/main/docs/";

    /// <summary>The section of docs/health-checks.md that documents a check (its heading's anchor is the lower-case id).</summary>
    public static string HealthCheckHelp(string checkId) => Docs + "health-checks.md#" + checkId.ToLowerInvariant();

    /// <summary>The row of docs/lint-rules.md that documents a rule for a dialect (each row carries the anchor <see cref="LintRuleAnchor"/>).</summary>
    public static string LintRuleHelp(string dialect, string ruleId) => Docs + "lint-rules.md#" + LintRuleAnchor(dialect, ruleId);

    /// <summary>"postgresql-ban-drop-table": the same rule id exists for several dialects, each documented in its own row.</summary>
    public static string LintRuleAnchor(string dialect, string ruleId) => $"{dialect}-{ruleId}".ToLowerInvariant();
}
