using System.Globalization;
using DbArchitect.Core.Reporting;

namespace DbArchitect.Core.Lint;

/// <summary>
/// One problem a lint rule found in a migration script: which rule, how bad, where (1-based line and column in the file),
/// why (the message names the lock or the rewrite it causes) and the safe alternative. Findings are data, strings are for people.
/// </summary>
public sealed record LintFinding(
    string RuleId,
    LintSeverity Severity,
    string File,
    int Line,
    int Column,
    string Message,
    string Fix,
    string Engine) : IReportFinding
{
    /// <summary>The first line of the statement the finding is about, for people reading the table.</summary>
    public string Statement { get; init; } = string.Empty;

    /// <summary>True when an inline comment suppressed it; suppressed findings are kept so reports can show them.</summary>
    public bool Suppressed { get; init; }

    /// <summary>The reason written in the suppression comment.</summary>
    public string? SuppressionReason { get; init; }

    /// <summary>What kind of hazard: Locking, Data loss, Types, Transactions, Robustness (the JUnit suite of the report).</summary>
    public string Category { get; init; } = "Locking";

    /// <summary>"Adding field with default": the rule id read as words.</summary>
    public string Title => TitleOf(RuleId);

    public ReportLevel Level => Severity switch
    {
        LintSeverity.Error => ReportLevel.Error,
        LintSeverity.Warning => ReportLevel.Warning,
        _ => ReportLevel.Info,
    };

    string? IReportFinding.Target => null;

    ReportLocation? IReportFinding.Location => new(File, Line, Column);

    string? IReportFinding.Recommendation => Fix;

    string? IReportFinding.HelpUri => ReportTool.LintRuleHelp(LintRuleCatalog.DialectFor(Engine).Engines[0], RuleId);

    string? IReportFinding.HelpText => LintRuleCatalog.RulesFor(Engine).FirstOrDefault(r => string.Equals(r.Id, RuleId, StringComparison.Ordinal)) is { } rule
        ? HelpTextOf(rule)
        : null;

    IReadOnlyDictionary<string, string> IReportFinding.Properties => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["engine"] = Engine,
        ["statement"] = Statement,
    };

    public string Location => File.Length == 0 ? $"{Line}:{Column}" : $"{File}:{Line}:{Column}";

    /// <summary>A rule's documentation as report help text: what it catches, then the safe alternative.</summary>
    public static string HelpTextOf(ILintRule rule) => $"{rule.Summary} Safe alternative: {rule.Fix}";

    /// <summary>A rule id read as words: "adding-field-with-default" → "Adding field with default".</summary>
    public static string TitleOf(string ruleId) => CultureInfo.InvariantCulture.TextInfo.ToUpper(ruleId[0]) + ruleId[1..].Replace('-', ' ');

    public override string ToString() => $"{Location}: {Severity.ToString().ToLowerInvariant()} {RuleId}: {Message}";
}
