using System.Collections;
using DbArchitect.Core.Lint;

namespace DbArchitect.PS;

/// <summary>Tab completion for Test-DbMigrationScript -Engine: the engines that have lint rules.</summary>
public sealed class LintEngineCompleter : PrefixCompleter
{
    protected override IEnumerable<(string Value, string Tip)> Candidates(string typed, IDictionary bound) =>
        LintRuleCatalog.Engines.Select(e => (e, $"{e} ({LintRuleCatalog.RulesFor(e).Count} rules)"));
}
