using System.Text;

namespace DbArchitect.Core.Tests.Injection;

/// <summary>
/// The text of a SQL script that the server would read as code: everything outside comments and string literals.
/// Quoted identifiers stay (a payload that ended up in a name is live), and dollar-quoted bodies are read as code
/// (a function body is code). Enough of each dialect's lexical rules to find where literals and comments end:
/// PostgreSQL ('' doubling, E'' backslash escapes, $tag$, nested /* */), MySQL/MariaDB (backslash escapes,
/// "…" as a string, # comments) and SQLite (''-strings; "…", […] and `…` identifiers).
/// </summary>
internal static class SqlLiveText
{
    public enum Dialect { PostgreSql, MySql, Sqlite }

    public static string Of(string sql, Dialect dialect)
    {
        var live = new StringBuilder(sql.Length);
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            if (c == '-' && next == '-' || (c == '#' && dialect == Dialect.MySql))
            {
                i = sql.IndexOf('\n', i) is var end && end < 0 ? sql.Length : end;
                live.Append(' ');
            }
            else if (c == '/' && next == '*')
            {
                i = SkipBlockComment(sql, i, nested: dialect == Dialect.PostgreSql);
                live.Append(' ');
            }
            else if (c == '\'' || (c == '"' && dialect == Dialect.MySql))
            {
                var backslash = dialect == Dialect.MySql || (dialect == Dialect.PostgreSql && i > 0 && sql[i - 1] is 'E' or 'e');
                i = SkipQuoted(sql, i, c, backslash);
                live.Append(" '' ");
            }
            else if (c == '$' && dialect == Dialect.PostgreSql && DollarTag(sql, i) is { } tag)
            {
                i += tag.Length; // the body between the tags is read as code
                live.Append(' ');
            }
            else
            {
                live.Append(c);
                i++;
            }
        }

        return live.ToString();
    }

    private static int SkipBlockComment(string sql, int start, bool nested)
    {
        var depth = 0;
        var i = start;
        while (i < sql.Length)
        {
            if (sql[i] == '/' && i + 1 < sql.Length && sql[i + 1] == '*' && (nested || depth == 0))
            {
                depth++;
                i += 2;
            }
            else if (sql[i] == '*' && i + 1 < sql.Length && sql[i + 1] == '/')
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return sql.Length;
    }

    private static int SkipQuoted(string sql, int start, char quote, bool backslash)
    {
        var i = start + 1;
        while (i < sql.Length)
        {
            if (backslash && sql[i] == '\\')
            {
                i += 2;
            }
            else if (sql[i] == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote)
                {
                    i += 2;
                }
                else
                {
                    return i + 1;
                }
            }
            else
            {
                i++;
            }
        }

        return sql.Length;
    }

    /// <summary>"$$" or "$name$" at <paramref name="start"/> (not a positional parameter like $1).</summary>
    private static string? DollarTag(string sql, int start)
    {
        var end = start + 1;
        while (end < sql.Length && (char.IsLetter(sql[end]) || sql[end] == '_' || (end > start + 1 && char.IsDigit(sql[end]))))
        {
            end++;
        }

        return end < sql.Length && sql[end] == '$' ? sql[start..(end + 1)] : null;
    }
}
