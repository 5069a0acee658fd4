using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace DbArchitect.PS;

/// <summary>
/// A completer whose answers are a list of values filtered by what is typed so far (quotes ignored, case-insensitive),
/// each with a tool tip: the subclasses say only which values apply, given the parameters already typed.
/// </summary>
public abstract class PrefixCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return Candidates(prefix, fakeBoundParameters ?? new Hashtable())
            .Where(c => Offers(c.Value, prefix))
            .Select(c => new CompletionResult(c.Value, c.Value, CompletionResultType.ParameterValue, c.Tip));
    }

    /// <summary>
    /// Every value that works here, in the order to offer them; -Engine and the like are in <paramref name="bound"/>,
    /// and <paramref name="typed"/> (unquoted) is there for completers whose list depends on it.
    /// </summary>
    protected abstract IEnumerable<(string Value, string Tip)> Candidates(string typed, IDictionary bound);

    /// <summary>Whether a candidate answers what is typed: it starts with it, ignoring case.</summary>
    protected virtual bool Offers(string value, string typed) => value.StartsWith(typed, StringComparison.OrdinalIgnoreCase);
}
