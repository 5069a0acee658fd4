using System.Buffers;
using System.Globalization;
using System.Text;
using DbArchitect.Core.Engines;

namespace DbArchitect.Core.Export;

/// <summary>Escaping for text that comes from requirements (names, descriptions) when it is written into Markdown.</summary>
internal static class MarkdownText
{
    /// <summary>The characters <see cref="Escape"/> may backslash-escape.</summary>
    private static readonly SearchValues<char> Special = SearchValues.Create("\\`*_[]<>|#~&!");

    /// <summary>
    /// Inline text: characters Markdown would read as emphasis, links, HTML, headings or table cells are
    /// backslash-escaped (CommonMark allows escaping any ASCII punctuation); line breaks and other control characters
    /// become spaces and bidirectional controls are dropped (<see cref="CommentText.OneLine"/>).
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        text = CommentText.OneLine(text); // line breaks, other controls and bidi overrides: the one rule for free text
        if (!NeedsEscape(text))
        {
            return text.Trim(); // nothing to escape: the builder below would copy it as it is
        }

        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsEscaped(text, i))
            {
                builder.Append('\\');
            }

            builder.Append(text[i]);
        }

        return builder.ToString().Trim();
    }

    /// <summary>
    /// Whether the character at <paramref name="index"/> gets a backslash: a special one, except an intraword underscore,
    /// which never makes emphasis (snake_case names stay readable).
    /// </summary>
    private static bool IsEscaped(string text, int index) =>
        Special.Contains(text[index]) && !(text[index] == '_' && IsWordChar(text, index - 1) && IsWordChar(text, index + 1));

    /// <summary>Whether <see cref="Escape"/> would change a character (<see cref="IsEscaped"/>), found by a vectorised search.</summary>
    private static bool NeedsEscape(string text)
    {
        for (var i = text.AsSpan().IndexOfAny(Special); i >= 0;)
        {
            if (IsEscaped(text, i))
            {
                return true;
            }

            var next = text.AsSpan(i + 1).IndexOfAny(Special);
            i = next < 0 ? -1 : i + 1 + next;
        }

        return false;
    }

    private static bool IsWordChar(string text, int index) =>
        index >= 0 && index < text.Length && char.IsLetterOrDigit(text[index]);

    /// <summary>A table cell: escaped, and an empty value shown as an en dash so the table stays readable.</summary>
    public static string Cell(string? text) => string.IsNullOrWhiteSpace(text) ? "–" : Escape(text);

    /// <summary>A table row, built in one string (design.md has a row per table, column, index and decision).</summary>
    public static string Row(params string[] cells)
    {
        var length = 4 + (3 * Math.Max(0, cells.Length - 1));
        foreach (var cell in cells)
        {
            length += cell?.Length ?? 0;
        }

        return string.Create(length, cells, static (row, cells) =>
        {
            "| ".CopyTo(row);
            var at = 2;
            for (var i = 0; i < cells.Length; i++)
            {
                if (i > 0)
                {
                    " | ".CopyTo(row[at..]);
                    at += 3;
                }

                cells[i]?.CopyTo(row[at..]);
                at += cells[i]?.Length ?? 0;
            }

            " |".CopyTo(row[at..]);
        });
    }

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
