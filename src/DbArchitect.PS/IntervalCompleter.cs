using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using DbArchitect.Core.Partitioning;

namespace DbArchitect.PS;

/// <summary>Tab completion for New-PartitionScript -Interval: the calendar intervals (a whole number is a numeric width).</summary>
public sealed class IntervalCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        foreach (var interval in PartitionInterval.Calendar)
        {
            var name = interval.Unit.ToString();
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                yield return new CompletionResult(name, name, CompletionResultType.ParameterValue, $"{interval.Adjective} partitions");
            }
        }
    }
}
