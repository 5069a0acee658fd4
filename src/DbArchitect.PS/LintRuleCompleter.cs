using System.Collections;
using DbArchitect.Core.Lint;

namespace DbArchitect.PS;

/// <summary>Tab completion for -Rule and -ExcludeRule: the rule ids of the chosen engine (all engines when none is chosen).</summary>
public sealed class LintRuleCompleter : PrefixCompleter
{
    protected override IEnumerable<(string Value, string Tip)> Candidates(string typed, IDictionary bound)
    {
        var rules = bound["Engine"] is string engine && LintRuleCatalog.Engines.Contains(engine, StringComparer.OrdinalIgnoreCase)
            ? LintRuleCatalog.RulesFor(engine)
            : LintRuleCatalog.Rules;
        return rules.GroupBy(r => r.Id, StringComparer.Ordinal).Select(g => (g.Key, g.First().Summary));
    }
}
