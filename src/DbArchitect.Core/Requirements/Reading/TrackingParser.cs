using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>
/// Wraps the YAML parser. It remembers where the last good event ended, so that a parser failure that carries no
/// position (YamlDotNet occasionally throws InvalidOperationException on malformed flow collections) can still be
/// reported at a line and column. It also enforces <see cref="InputLimits"/> on the event stream, before the node
/// builder sees it: the builder recurses once per nesting level (50,000 '[' overflow the stack and kill the process)
/// and walking aliased nodes costs their expanded size (a 5 KB anchor bomb expands to 10⁷ nodes).
/// </summary>
internal sealed class TrackingParser : IParser
{
    private readonly IParser _inner;
    private readonly Dictionary<string, long> _anchorSizes = new(StringComparer.Ordinal);
    private readonly Stack<(string? Anchor, long NodesAtStart)> _open = new();
    private long _expandedNodes;
    private long _aliasAddedNodes;

    public TrackingParser(IParser inner)
    {
        _inner = inner;
    }

    public ParsingEvent? Current => _inner.Current;

    /// <summary>Where the last event that parsed cleanly ended (the start of the text before any event).</summary>
    public Mark LastGoodEnd { get; private set; } = new(0, 1, 1);

    public bool MoveNext()
    {
        var moved = _inner.MoveNext();
        if (moved && _inner.Current is { } current)
        {
            Enforce(current);
            LastGoodEnd = current.End;
        }

        return moved;
    }

    private void Enforce(ParsingEvent current)
    {
        switch (current)
        {
            case MappingStart or SequenceStart:
                _expandedNodes++;
                _open.Push((AnchorOf(current), _expandedNodes));
                if (_open.Count > InputLimits.MaxNestingDepth)
                {
                    throw new InputLimitException(ErrorIds.NestingTooDeep, current.Start,
                        $"Collections are nested more than {InputLimits.MaxNestingDepth.ToString(CultureInfo.InvariantCulture)} levels deep here.",
                        $"A requirements file needs only a few levels; close the brackets or flatten the value (the limit is {InputLimits.MaxNestingDepth.ToString(CultureInfo.InvariantCulture)}).");
                }

                break;
            case MappingEnd or SequenceEnd when _open.Count > 0:
                var (anchor, start) = _open.Pop();
                if (anchor is not null)
                {
                    _anchorSizes[anchor] = _expandedNodes - start + 1;
                }

                break;
            case Scalar:
                _expandedNodes++;
                if (AnchorOf(current) is { } scalarAnchor)
                {
                    _anchorSizes[scalarAnchor] = 1;
                }

                break;
            case AnchorAlias alias when _open.Any(o => string.Equals(o.Anchor, alias.Value.Value, StringComparison.Ordinal)):
                // An alias inside the value its anchor names makes that value contain itself: YamlDotNet's node builder
                // then hashes it without end (a stack overflow, which no catch can stop, found by the robustness properties).
                throw new InputLimitException(ErrorIds.RecursiveAlias, current.Start,
                    $"The alias '*{alias.Value.Value}' is inside the value its anchor '&{alias.Value.Value}' names, so that value would contain itself.",
                    "Write the value out instead of referring to it from within itself; a requirements file never needs a value that contains itself.");
            case AnchorAlias alias:
                var size = _anchorSizes.TryGetValue(alias.Value.Value, out var known) ? known : 1;
                _expandedNodes += size;
                _aliasAddedNodes += size;
                if (_aliasAddedNodes > InputLimits.MaxAliasExpandedNodes)
                {
                    throw new InputLimitException(ErrorIds.AliasExpansionTooLarge, current.Start,
                        $"Aliases expand to more than {InputLimits.MaxAliasExpandedNodes.ToString("N0", CultureInfo.InvariantCulture)} values by this '*{alias.Value.Value}' (each alias repeats its anchor's whole value).",
                        "Write the value out once instead of nesting anchors and aliases; a requirements file never needs an alias that large.");
                }

                break;
        }
    }

    private static string? AnchorOf(ParsingEvent current) =>
        current is NodeEvent { Anchor: { IsEmpty: false } anchor } ? anchor.Value : null;
}
