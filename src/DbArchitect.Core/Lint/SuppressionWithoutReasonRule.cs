namespace DbArchitect.Core.Lint;

/// <summary>A silenced rule needs a written reason, or the next reader cannot tell a decision from a shortcut.</summary>
public sealed class SuppressionWithoutReasonRule : ILintRule
{
    public string Id => "suppression-without-reason";

    public string Engine => LintRuleCatalog.AnyEngine;

    public LintSeverity Severity => LintSeverity.Warning;

    public string Category => LintCategories.Robustness;

    public string Summary => "A dbarchitect-disable comment gives no reason after '--'.";

    public string Fix => "Write why the hazard is acceptable: -- dbarchitect-disable-next-line ban-drop-table -- table retired in release 12, no readers left";
}
