using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using DbArchitect.Core.Health;

namespace DbArchitect.PS;

/// <summary>Tab completion for -Check and -ExcludeCheck: the check ids of the -Engine already typed (all engines' otherwise).</summary>
public sealed class HealthCheckIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        var engine = fakeBoundParameters?["Engine"] as string;
        var checks = engine is null ? HealthCheckCatalog.All : HealthCheckCatalog.For(engine);
        foreach (var check in checks.GroupBy(c => c.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            if (check.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                yield return new CompletionResult(check.Id, check.Id, CompletionResultType.ParameterValue, $"{check.Category}: {check.Title}");
            }
        }
    }
}
