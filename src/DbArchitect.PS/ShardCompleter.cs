using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace DbArchitect.PS;

/// <summary>
/// Tab completion for -Shard: after "k/" or "/n" the shards of that split, otherwise the shards of two and four runners
/// (1/2, 2/2, 1/4…4/4), the matrices the example pipelines use.
/// </summary>
public sealed class ShardCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        var slash = prefix.IndexOf('/', StringComparison.Ordinal);
        var counts = slash >= 0 && int.TryParse(prefix[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 64
            ? new[] { n }
            : new[] { 2, 4 };
        foreach (var count in counts)
        {
            for (var k = 1; k <= count; k++)
            {
                var text = string.Create(CultureInfo.InvariantCulture, $"{k}/{count}");
                if (text.StartsWith(prefix, StringComparison.Ordinal) || (slash == 0 && text.EndsWith(prefix, StringComparison.Ordinal)))
                {
                    yield return new CompletionResult(text, text, CompletionResultType.ParameterValue, string.Create(CultureInfo.InvariantCulture, $"Shard {k} of {count} runners"));
                }
            }
        }
    }
}

/// <summary>Validates -Shard as "k/n" when the command binds it, with Core's message (k from 1 to n, n at most 1024).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateShardAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var text = (arguments is PSObject wrapped ? wrapped.BaseObject : arguments) as string ?? Convert.ToString(arguments, CultureInfo.InvariantCulture) ?? string.Empty;
        ShardText.Check(text);
    }
}
