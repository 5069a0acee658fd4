using System.Globalization;
using System.Text;

namespace DbArchitect.Core.Export;

/// <summary>Escaping for text that comes from requirements (names, descriptions) when it is written into Markdown.</summary>
internal static class MarkdownText
{
    /// <summary>
    /// Inline text: characters Markdown would read as emphasis, links, HTML, headings or table cells are
    /// backslash-escaped (CommonMark allows escaping any ASCII punctuation); line breaks become spaces.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '~' or '&' or '!':
                    builder.Append('\\').Append(ch);
                    break;
                case '\r':
                    break;
                case '\n' or '\t':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(ch);
                    break;
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>A table cell: escaped, and an empty value shown as an en dash so the table stays readable.</summary>
    public static string Cell(string? text) => string.IsNullOrWhiteSpace(text) ? "–" : Escape(text);

    public static string Row(params string[] cells) => "| " + string.Join(" | ", cells) + " |";

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
