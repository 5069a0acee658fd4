using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using DbArchitect.Core.Lint;

namespace DbArchitect.PS;

/// <summary>Tab completion for Test-DbMigrationScript -Engine: the engines that have lint rules.</summary>
public sealed class LintEngineCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return LintRuleCatalog.Engines
            .Where(e => e.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(e => new CompletionResult(e, e, CompletionResultType.ParameterValue, $"{e} ({LintRuleCatalog.RulesFor(e).Count} rules)"));
    }
}
