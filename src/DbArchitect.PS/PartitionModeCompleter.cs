using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using DbArchitect.Core.Partitioning;

namespace DbArchitect.PS;

/// <summary>
/// Tab completion for New-PartitionScript -Mode: the modes the chosen -Engine can plan (Native, and PostgreSQL's
/// PgPartman and TimescaleDb), from the engines' own lists; a mode the engine lacks is refused by the planner with the
/// modes it has.
/// </summary>
public sealed class PartitionModeCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        var engine = fakeBoundParameters?["Engine"] as string ?? "postgresql";
        foreach (var mode in PartitionPlanner.ModesOf(engine))
        {
            if (mode.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                yield return new CompletionResult(mode, mode, CompletionResultType.ParameterValue, mode);
            }
        }
    }
}
