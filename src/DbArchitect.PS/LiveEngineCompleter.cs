using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using DbArchitect.Core.Engines;

namespace DbArchitect.PS;

/// <summary>Tab completion for a live cmdlet's -Engine: only the engines the module can connect to.</summary>
public sealed class LiveEngineCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        foreach (var engine in EngineRegistry.All.Where(e => e.Live is not null))
        {
            if (engine.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                yield return new CompletionResult(engine.Id, engine.Id, CompletionResultType.ParameterValue, engine.DisplayName);
            }
        }
    }
}
