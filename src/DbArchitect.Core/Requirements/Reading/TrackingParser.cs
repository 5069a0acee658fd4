using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>
/// Wraps the YAML parser and remembers where the last good event ended, so that a parser failure that carries no
/// position (YamlDotNet occasionally throws InvalidOperationException on malformed flow collections) can still be
/// reported at a line and column.
/// </summary>
internal sealed class TrackingParser : IParser
{
    private readonly IParser _inner;

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
            LastGoodEnd = current.End;
        }

        return moved;
    }
}
