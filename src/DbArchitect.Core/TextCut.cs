using System.Globalization;
using System.Text;

namespace DbArchitect.Core;

/// <summary>
/// The one way Core shortens text (comments, descriptions, name prefixes). A cut falls between text elements
/// (grapheme clusters, <see cref="StringInfo"/>), never inside one: cutting a UTF-16 string at a plain index can
/// leave half a surrogate pair, which the writers' strict encoders refuse ("Unable to translate Unicode character
/// \uD83D") and which no server stores, and it can separate a letter from its accent or an emoji from its modifier.
/// </summary>
public static class TextCut
{
    /// <summary>The mark that ends a shortened text.</summary>
    public const string Ellipsis = "…";

    private delegate int Measure(ReadOnlySpan<char> text);

    /// <summary>
    /// <paramref name="value"/> unchanged when it has at most <paramref name="maxLength"/> UTF-16 code units, else its
    /// longest prefix of whole text elements followed by <paramref name="mark"/>, the whole within the limit.
    /// </summary>
    public static string ToLength(string value, int maxLength, string mark = Ellipsis) =>
        Cut(value, maxLength, mark, static text => text.Length);

    /// <summary>As <see cref="ToLength"/>, measured in UTF-8 bytes (for limits a server counts in bytes).</summary>
    public static string ToUtf8Bytes(string value, int maxBytes, string mark = Ellipsis) =>
        Cut(value, maxBytes, mark, static text => Encoding.UTF8.GetByteCount(text));

    private static string Cut(string value, int limit, string mark, Measure measure)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(mark);
        if (measure(value) <= limit)
        {
            return value;
        }

        var room = limit - measure(mark);
        ArgumentOutOfRangeException.ThrowIfNegative(room, nameof(limit));
        var end = 0;
        var used = 0;
        while (end < value.Length)
        {
            var length = StringInfo.GetNextTextElementLength(value, end);
            var size = measure(value.AsSpan(end, length));
            if (used + size > room)
            {
                break;
            }

            used += size;
            end += length;
        }

        return string.Concat(value.AsSpan(0, end), mark);
    }
}
