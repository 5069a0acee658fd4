using System.Collections;
using System.Globalization;
using System.Management.Automation;

namespace DbArchitect.PS;

/// <summary>
/// Tab completion for -Shard: after "k/" or "/n" the shards of that split, otherwise the shards of two and four runners
/// (1/2, 2/2, 1/4…4/4), the matrices the example pipelines use.
/// </summary>
public sealed class ShardCompleter : PrefixCompleter
{
    protected override IEnumerable<(string Value, string Tip)> Candidates(string typed, IDictionary bound)
    {
        var slash = typed.IndexOf('/', StringComparison.Ordinal);
        var counts = slash >= 0 && int.TryParse(typed[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 64
            ? new[] { n }
            : new[] { 2, 4 };
        return counts.SelectMany(count => Enumerable.Range(1, count).Select(k => (
            string.Create(CultureInfo.InvariantCulture, $"{k}/{count}"),
            string.Create(CultureInfo.InvariantCulture, $"Shard {k} of {count} runners"))));
    }

    /// <summary>A shard completes from its start ("3/" → 3/4); typed from the slash, "/4" offers every shard of four.</summary>
    protected override bool Offers(string value, string typed) =>
        value.StartsWith(typed, StringComparison.Ordinal) || (typed.StartsWith('/') && value.EndsWith(typed, StringComparison.Ordinal));
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
