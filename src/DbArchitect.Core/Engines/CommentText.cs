using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace DbArchitect.Core.Engines;

/// <summary>
/// The one rule for text from a requirements file (application name, descriptions) written into a comment of a generated
/// file. A comment runs to the end of its line in every file kind Core writes (shell and cron <c>#</c>, .conf <c>#</c>,
/// RMAN <c>#</c>, Data Pump .par <c>#</c>, SQL <c>--</c>), so a line break in the text would end the comment and make the
/// rest a command: "x\ntouch /tmp/pwned" in application.name ran touch from backup/backup.sh. Control characters (C0,
/// DEL, C1, the Unicode line and paragraph separators) become a space; bidirectional embedding, override and isolate
/// controls (U+202A–U+202E, U+2066–U+2069) and the direction marks are dropped, because they make a reviewer read the
/// line in a different order than the tool does ("Trojan Source"); a lone surrogate becomes U+FFFD so the file encodes.
/// </summary>
internal static class CommentText
{
    /// <summary>
    /// One line of inert text: no character that ends a line, controls a terminal or reorders what is shown. Also the
    /// rule for the comments stored with database objects (COMMENT ON, MS_Description), which the model takes from
    /// the descriptions; null stays null.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? OneLine(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.AsSpan().ContainsAnyExceptInRange(' ', '~'))
        {
            return text; // printable ASCII, most text, holds no character this replaces
        }

        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            string? replacement;
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder?.Append(ch).Append(text[i + 1]);
                i++;
                continue;
            }

            if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                replacement = string.Empty; // CR LF is one break: one space, from the LF
            }
            else if (char.IsControl(ch) || ch is '\u2028' or '\u2029')
            {
                replacement = " ";
            }
            else if (IsBidiControl(ch))
            {
                replacement = string.Empty;
            }
            else if (char.IsSurrogate(ch))
            {
                replacement = "\uFFFD";
            }
            else
            {
                builder?.Append(ch);
                continue;
            }

            builder ??= new StringBuilder(text.Length).Append(text, 0, i);
            builder.Append(replacement);
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>
    /// A <c>#</c> comment line (without its line break) for shell scripts, cron tables, .conf files, RMAN scripts and
    /// Data Pump parameter files: all of them end the comment at the line break and nowhere else.
    /// </summary>
    public static string Hash(string text) => "# " + OneLine(text);

    /// <summary>A SQL <c>--</c> comment line (without its line break); <c>--</c> and <c>*/</c> inside it are inert.</summary>
    public static string Sql(string text) => "-- " + OneLine(text);

    /// <summary>True for a character that reorders how the text around it is displayed.</summary>
    public static bool IsBidiControl(char ch) =>
        ch is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
