using System.Text.RegularExpressions;

namespace DbArchitect.Core.Lint;

/// <summary>
/// An inline suppression: <c>-- dbarchitect-disable-next-line rule-id[, rule-id] -- reason</c> silences those rules on the
/// next statement, <c>-- dbarchitect-disable-file rule-id -- reason</c> in the whole file. squawk's <c>squawk-ignore</c> and
/// <c>squawk-ignore-file</c> comments are read the same way, so scripts already annotated for squawk keep their meaning.
/// No rule id means every rule. The reason is required: a suppression without one is itself a finding.
/// </summary>
public sealed partial record LintSuppression(SqlToken Comment, bool WholeFile, IReadOnlyList<string> RuleIds, string Reason)
{
    [GeneratedRegex(@"^\s*(?:--|#|/\*)\s*(?<kind>dbarchitect-disable-next-line|dbarchitect-disable-file|squawk-ignore-file|squawk-ignore)\b(?<rest>.*?)\s*(?:\*/)?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    private static readonly char[] Separators = { ',', ' ', '\t' };

    public bool Covers(string ruleId) => RuleIds.Count == 0 || RuleIds.Contains(ruleId, StringComparer.OrdinalIgnoreCase);

    public static LintSuppression? TryParse(SqlToken comment)
    {
        var match = Pattern().Match(comment.Text);
        if (!match.Success)
        {
            return null;
        }

        var kind = match.Groups["kind"].Value.ToLowerInvariant();
        var rest = match.Groups["rest"].Value;
        var dashes = rest.IndexOf("--", StringComparison.Ordinal);
        var reason = dashes < 0 ? string.Empty : rest[(dashes + 2)..].Trim();
        var rules = (dashes < 0 ? rest : rest[..dashes]).Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new LintSuppression(comment, kind.EndsWith("file", StringComparison.Ordinal), rules, reason);
    }
}
