using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using DbArchitect.Core.Lint;

namespace DbArchitect.PS;

/// <summary>Tab completion for -Rule and -ExcludeRule: the rule ids of the chosen engine (all engines when none is chosen).</summary>
public sealed class LintRuleCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        var engine = fakeBoundParameters["Engine"] as string;
        var rules = engine is not null && LintRuleCatalog.Engines.Contains(engine, StringComparer.OrdinalIgnoreCase)
            ? LintRuleCatalog.RulesFor(engine)
            : LintRuleCatalog.Rules;
        return rules
            .Where(r => r.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .GroupBy(r => r.Id, StringComparer.Ordinal)
            .Select(g => new CompletionResult(g.Key, g.Key, CompletionResultType.ParameterValue, g.First().Summary));
    }
}
