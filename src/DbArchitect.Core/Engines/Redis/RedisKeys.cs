using System.Text;

namespace DbArchitect.Core.Engines.Redis;

/// <summary>
/// Key names: <c>app:entity:{id}</c>. Names from the requirements become key segments with the characters that give a
/// key its structure (':' between segments, '{' '}' around the hash tag, '&lt;' '&gt;' around placeholders, '#', blanks and
/// control characters) replaced by '_', so a name can never move a tag or split a segment. Placeholders name fields:
/// <c>&lt;customer_id&gt;</c>; <c>&lt;#word&gt;</c> and <c>&lt;#bucket&gt;</c> are the design's own.
/// </summary>
public static class RedisKeys
{
    public const string WordPlaceholder = "#word";
    public const string BucketPlaceholder = "#bucket";

    /// <summary>A name as one key segment.</summary>
    public static string Segment(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(c is ':' or '{' or '}' or '<' or '>' or '#' || char.IsWhiteSpace(c) || char.IsControl(c) ? '_' : c);
        }

        return text.Length == 0 ? "_" : text.ToString();
    }

    public static string Placeholder(string field) => "<" + field + ">";

    /// <summary>A concrete key: the pattern with each &lt;field&gt; replaced by its value, read left to right (a value is never re-read as a pattern).</summary>
    public static string Fill(string pattern, Func<string, string> value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(pattern.Length + 32);
        var i = 0;
        while (i < pattern.Length)
        {
            if (pattern[i] == '<' && pattern.IndexOf('>', i) is var end and > 0)
            {
                text.Append(value(pattern[(i + 1)..end]));
                i = end + 1;
                continue;
            }

            text.Append(pattern[i]);
            i++;
        }

        return text.ToString();
    }

    /// <summary>The placeholders of a pattern in order.</summary>
    public static IReadOnlyList<string> Placeholders(string pattern)
    {
        var names = new List<string>();
        Fill(pattern, n =>
        {
            names.Add(n);
            return string.Empty;
        });
        return names;
    }

    /// <summary>The hash tag of a key as Redis Cluster reads it: the text between the first '{' and the next '}', when not empty; else the whole key.</summary>
    public static string HashTag(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var open = key.IndexOf('{', StringComparison.Ordinal);
        if (open >= 0 && key.IndexOf('}', open + 1) is var close and > 0 && close > open + 1)
        {
            return key[(open + 1)..close];
        }

        return key;
    }
}
