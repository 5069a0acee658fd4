using System.Text;
using System.Text.RegularExpressions;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// One spelling of an index the neutral model cannot express (an arbitrary key expression or predicate): the server's
/// own deparsed text (pg_get_indexdef / pg_get_expr without pretty-printing, or EXPLAIN VERBOSE of the same expression
/// for a design's text) with enclosing parentheses removed, so "((payload->>'status'))" written by hand and the
/// catalog's "((payload ->> 'status'::text))" become the same CREATE INDEX statement.
/// </summary>
internal static partial class PostgreSqlIndexSignature
{
    /// <summary>A key: a column name (unquoted) or an expression's deparsed text, its direction and a non-default operator class.</summary>
    public sealed record Key(string? Column, string? Expression, bool Descending, string? OperatorClass);

    /// <summary>The parts of a CREATE INDEX statement as written (by a user or by the catalog).</summary>
    public sealed record Parts(bool Unique, string Method, IReadOnlyList<Key> Keys, IReadOnlyList<string> Include, string? Predicate);

    public static string Statement(bool unique, string qualifiedTable, string name, Parts parts) =>
        $"CREATE {(unique ? "UNIQUE " : string.Empty)}INDEX {W.Id(name)} ON {qualifiedTable} USING {parts.Method} ("
        + string.Join(", ", parts.Keys.Select(k => (k.Column is { } c ? W.Id(c) : "(" + Unwrap(k.Expression!) + ")")
            + (k.OperatorClass is { } o ? " " + o : string.Empty) + (k.Descending ? " DESC" : string.Empty)))
        + ")"
        + (parts.Include.Count > 0 ? $" INCLUDE ({string.Join(", ", parts.Include.Select(W.Id))})" : string.Empty)
        + (parts.Predicate is { } p ? " WHERE " + Unwrap(p) : string.Empty);

    /// <summary>The text without parentheses that enclose all of it: "((a + (b * 2)))" → "a + (b * 2)".</summary>
    public static string Unwrap(string text)
    {
        var t = text.Trim();
        while (t.Length > 1 && t[0] == '(' && Closing(t, 0) == t.Length - 1)
        {
            t = t[1..^1].Trim();
        }

        return t;
    }

    /// <summary>Reads a hand-written CREATE INDEX statement; null when it is not one.</summary>
    public static Parts? Parse(string statement)
    {
        var head = Head().Match(statement);
        if (!head.Success)
        {
            return null;
        }

        var open = head.Index + head.Length - 1;
        var close = Closing(statement, open);
        if (close < 0)
        {
            return null;
        }

        var keys = Split(statement[(open + 1)..close]).Select(ParseKey).ToArray();
        var rest = statement[(close + 1)..].Trim().TrimEnd(';').Trim();
        var include = Array.Empty<string>();
        if (rest.StartsWith("INCLUDE", StringComparison.OrdinalIgnoreCase))
        {
            var start = rest.IndexOf('(', StringComparison.Ordinal);
            var end = Closing(rest, start);
            include = Split(rest[(start + 1)..end]).Select(c => PostgreSqlCatalogText.Unquote(c.Trim())).ToArray();
            rest = rest[(end + 1)..].Trim();
        }

        string? predicate = null;
        if (rest.StartsWith("WHERE", StringComparison.OrdinalIgnoreCase))
        {
            predicate = rest[5..].Trim();
        }

        return new Parts(head.Groups["unique"].Success, head.Groups["method"].Success ? head.Groups["method"].Value.ToLowerInvariant() : "btree", keys, include, predicate);
    }

    private static Key ParseKey(string text)
    {
        var t = text.Trim();
        var descending = false;
        var direction = Direction().Match(t);
        if (direction.Success)
        {
            descending = direction.Groups["d"].Value.Equals("DESC", StringComparison.OrdinalIgnoreCase);
            t = t[..direction.Index].Trim();
        }

        return Identifier().IsMatch(t) ? new Key(PostgreSqlCatalogText.Unquote(t), null, descending, null) : new Key(null, t, descending, null);
    }

    /// <summary>Splits on commas outside parentheses and quotes.</summary>
    private static List<string> Split(string list)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        char? quote = null;
        foreach (var ch in list)
        {
            if (quote is { } q)
            {
                quote = ch == q ? null : q;
            }
            else if (ch is '\'' or '"')
            {
                quote = ch;
            }
            else if (ch == '(')
            {
                depth++;
            }
            else if (ch == ')')
            {
                depth--;
            }
            else if (ch == ',' && depth == 0)
            {
                parts.Add(current.ToString().Trim());
                current.Clear();
                continue;
            }

            current.Append(ch);
        }

        parts.Add(current.ToString().Trim());
        return parts;
    }

    /// <summary>Index of the parenthesis closing the one at <paramref name="open"/>, skipping quoted text; -1 when unbalanced.</summary>
    private static int Closing(string text, int open)
    {
        var depth = 0;
        char? quote = null;
        for (var i = open; i < text.Length; i++)
        {
            var ch = text[i];
            if (quote is { } q)
            {
                quote = ch == q ? null : q;
            }
            else if (ch is '\'' or '"')
            {
                quote = ch;
            }
            else if (ch == '(')
            {
                depth++;
            }
            else if (ch == ')' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^\s*CREATE\s+(?<unique>UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?:""(?:[^""]|"""")+""|\S+)\s+ON\s+(?:ONLY\s+)?(?:(?:""(?:[^""]|"""")+""|[^\s(.""]+)\.)?(?:""(?:[^""]|"""")+""|[^\s(.""]+)\s*(?:USING\s+(?<method>\w+)\s*)?\(", RegexOptions.IgnoreCase)]
    private static partial Regex Head();

    [GeneratedRegex(@"\s+(?<d>ASC|DESC)(?:\s+NULLS\s+(?:FIRST|LAST))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Direction();

    [GeneratedRegex(@"^(?:[a-z_][a-z0-9_$]*|""(?:[^""]|"""")+"")$")]
    private static partial Regex Identifier();
}
