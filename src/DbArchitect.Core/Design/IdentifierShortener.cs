using System.Security.Cryptography;
using System.Text;

namespace DbArchitect.Core.Design;

/// <summary>
/// Fits names into an engine's identifier limit deterministically: a name that fits is kept; a longer one becomes a
/// readable prefix, an underscore and eight hex digits of the SHA-256 of the full name. The prefix is cut between
/// text elements (<see cref="TextCut"/>), so multi-byte UTF-8 names never end in half a character.
/// </summary>
public static class IdentifierShortener
{
    private const int HashHexLength = 8;

    public static string Shorten(string name, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(name) <= maxBytes)
        {
            return name;
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..HashHexLength].ToLowerInvariant();
        var prefix = TextCut.ToUtf8Bytes(name, maxBytes - HashHexLength - 1, mark: string.Empty);
        return prefix.TrimEnd('_', ' ', '-') + "_" + hash;
    }
}

/// <summary>
/// Hands out unique names in one namespace (for example all relations of a PostgreSQL schema). A name that is taken
/// gets a numeric suffix, still within the limit; the order of requests is deterministic, so the result is too.
/// </summary>
public sealed class NameScope
{
    private readonly HashSet<string> _used;
    private readonly int _maxBytes;

    public NameScope(int maxBytes, bool caseSensitive = true)
        : this(maxBytes, caseSensitive, 0)
    {
    }

    /// <summary>A scope sized for <paramref name="capacity"/> names: a large design's scope would otherwise grow by copying.</summary>
    public NameScope(int maxBytes, bool caseSensitive, int capacity)
    {
        _maxBytes = maxBytes;
        _used = new HashSet<string>(capacity, caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
    }

    public string Claim(string wanted)
    {
        var name = IdentifierShortener.Shorten(wanted, _maxBytes);
        for (var i = 2; !_used.Add(name); i++)
        {
            name = IdentifierShortener.Shorten(wanted + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), _maxBytes);
        }

        return name;
    }

    public bool IsTaken(string name) => _used.Contains(name);
}
