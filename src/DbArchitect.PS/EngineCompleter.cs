using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using DbArchitect.Core.Engines;

namespace DbArchitect.PS;

/// <summary>Tab completion for -Engine: every engine id the requirements format knows, from Core's registry.</summary>
public sealed class EngineCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        var implemented = EngineRegistry.All.Select(e => e.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var id in EngineRegistry.KnownEngineIds)
        {
            if (id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var tip = implemented.Contains(id) ? id + " (generates SQL)" : id + " (known; design support pending)";
                yield return new CompletionResult(id, id, CompletionResultType.ParameterValue, tip);
            }
        }
    }
}
