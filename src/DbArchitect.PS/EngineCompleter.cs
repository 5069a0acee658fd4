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
        foreach (var entry in EngineRegistry.Entries)
        {
            if (entry.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var tip = entry.Id + (entry.Relational is not null ? " (generates SQL)"
                    : entry.CanDesign ? $" ({FamilyText.Of(entry.Family)} design)"
                    : " (known; design support pending)");
                yield return new CompletionResult(entry.Id, entry.Id, CompletionResultType.ParameterValue, tip);
            }
        }
    }
}
