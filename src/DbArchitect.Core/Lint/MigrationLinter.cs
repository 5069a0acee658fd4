using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Lint;

/// <summary>
/// Lints migration scripts for one engine: picks the engine's dialect and rules, runs them, applies inline suppressions.
/// Findings come back in file, line, column, rule order.
/// </summary>
public static class MigrationLinter
{
    public static IReadOnlyList<LintFinding> Lint(IEnumerable<LintSource> sources, LintOptions options)
    {
        var dialect = LintRuleCatalog.DialectFor(options.Engine);
        var rules = SelectRules(LintRuleCatalog.RulesFor(options.Engine), options);
        var findings = new List<LintFinding>();
        var created = new List<string>(options.NewTables);
        foreach (var source in sources)
        {
            var raw = dialect.Lint(source, rules, options with { NewTables = created.ToArray() });
            findings.AddRange(Suppress(source, raw, dialect, rules, options.Engine));
            if (options.SameDeployment)
            {
                created.AddRange(dialect.CreatedTables(source));
            }
        }

        return findings;
    }

    public static IReadOnlyList<LintFinding> Lint(LintSource source, LintOptions options) => Lint(new[] { source }, options);

    /// <summary>The enabled rules; an id in -Rule/-ExcludeRule that matches no rule is an error, since it is almost always a typo.</summary>
    public static IReadOnlyList<ILintRule> SelectRules(IReadOnlyList<ILintRule> all, LintOptions options)
    {
        var unknown = options.Rules.Concat(options.ExcludeRules)
            .Where(p => !all.Any(r => LintRuleCatalog.Matches(r.Id, p)))
            .ToArray();
        if (unknown.Length > 0)
        {
            throw new DbArchitectException(unknown.Select(p => new DbArchitectError(
                "UnknownLintRule", ErrorKind.InvalidArgument,
                $"No {options.Engine} lint rule matches '{p}'.",
                $"Rules: {string.Join(", ", all.Select(r => r.Id))}.", null, p)).ToArray());
        }

        return all
            .Where(r => options.Rules.Count == 0 || options.Rules.Any(p => LintRuleCatalog.Matches(r.Id, p)))
            .Where(r => !options.ExcludeRules.Any(p => LintRuleCatalog.Matches(r.Id, p)))
            .ToArray();
    }

    private static IEnumerable<LintFinding> Suppress(LintSource source, IReadOnlyList<LintFinding> raw, ILintDialect dialect, IReadOnlyList<ILintRule> rules, string engine)
    {
        var script = SqlScriptReader.Read(source.Text, dialect.Lex);
        var suppressions = script.Comments.Select(LintSuppression.TryParse).OfType<LintSuppression>().ToArray();
        var results = new List<LintFinding>();
        foreach (var finding in raw)
        {
            var by = suppressions.FirstOrDefault(s => s.Covers(finding.RuleId) && Reaches(s, finding, script));
            results.Add(by is null ? finding : finding with { Suppressed = true, SuppressionReason = by.Reason });
        }

        var reasonRule = rules.FirstOrDefault(r => r is SuppressionWithoutReasonRule);
        if (reasonRule is not null)
        {
            results.AddRange(suppressions
                .Where(s => s.Reason.Length == 0 && s.Comment.Text.Contains("dbarchitect-", StringComparison.OrdinalIgnoreCase))
                .Select(s => new LintFinding(reasonRule.Id, reasonRule.Severity, source.File, s.Comment.Line, s.Comment.Column,
                    "Suppression comment without a reason.", reasonRule.Fix, engine) { Statement = s.Comment.Text.Trim(), Category = reasonRule.Category }));
        }

        return results
            .OrderBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.RuleId, StringComparer.Ordinal);
    }

    /// <summary>A next-line suppression covers the whole statement that starts after it (a multi-line ALTER is one statement).</summary>
    private static bool Reaches(LintSuppression suppression, LintFinding finding, SqlScriptReader script)
    {
        if (suppression.WholeFile)
        {
            return true;
        }

        var next = script.Statements.FirstOrDefault(s => s.Line > suppression.Comment.Line);
        return next is not null && finding.Line >= next.Line && finding.Line <= next.EndLine;
    }
}
