using System.Globalization;
using System.Text;
using W = DbArchitect.Core.Engines.Sqlite.SqliteWriter;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// Regular-expression CHECKs as GLOB, which every SQLite build has: SQLite parses REGEXP but ships no regexp()
/// function, and a CHECK that calls a missing function fails at CREATE TABLE in most drivers. The common shapes of
/// validation patterns translate exactly: one character class repeated m..n times (^[a-z0-9_]{3,30}$ → a length
/// range and NOT GLOB '*[^a-z0-9_]*'), and sequences of fixed-count atoms (^#[0-9a-fA-F]{6}$ → GLOB '#[0-9a-fA-F]…').
/// Anything else stays REGEXP and the design says the connection must provide regexp().
/// </summary>
internal static class SqlitePatterns
{
    private sealed record Atom(string GlobClass, bool AnyChar, int Min, int? Max);

    /// <summary>The GLOB form of <paramref name="pattern"/> on <paramref name="column"/> (already quoted), or null when it has none.</summary>
    public static string? ToGlob(string pattern, string column)
    {
        var anchoredStart = pattern.StartsWith('^');
        var anchoredEnd = pattern.EndsWith('$') && !pattern.EndsWith("\\$", StringComparison.Ordinal);
        var body = pattern[(anchoredStart ? 1 : 0)..(pattern.Length - (anchoredEnd ? 1 : 0))];
        var atoms = Parse(body);
        if (atoms is null || atoms.Count == 0)
        {
            return null;
        }

        if (atoms.Count == 1 && anchoredStart && anchoredEnd && atoms[0].Max != atoms[0].Min)
        {
            var atom = atoms[0];
            var parts = new List<string>();
            if (atom.Min > 0 || atom.Max is not null)
            {
                parts.Add(atom.Max is { } max
                    ? $"length({column}) BETWEEN {N(atom.Min)} AND {N(max)}"
                    : $"length({column}) >= {N(atom.Min)}");
            }

            if (!atom.AnyChar)
            {
                parts.Add($"{column} NOT GLOB {W.String("*" + Complement(atom.GlobClass) + "*")}");
            }

            return parts.Count == 0 ? "1" : string.Join(" AND ", parts);
        }

        if (atoms.Any(a => a.Max != a.Min))
        {
            return null;
        }

        var glob = new StringBuilder(anchoredStart ? string.Empty : "*");
        foreach (var atom in atoms)
        {
            for (var i = 0; i < atom.Min; i++)
            {
                glob.Append(atom.AnyChar ? "?" : atom.GlobClass);
            }
        }

        glob.Append(anchoredEnd ? string.Empty : "*");
        return $"{column} GLOB {W.String(glob.ToString())}";
    }

    private static List<Atom>? Parse(string body)
    {
        var atoms = new List<Atom>();
        var i = 0;
        while (i < body.Length)
        {
            string glob;
            var any = false;
            var c = body[i];
            if (c == '[')
            {
                var end = body.IndexOf(']', i + 2);
                if (end < 0)
                {
                    return null;
                }

                var inner = body[(i + 1)..end];
                if (inner.Contains('\\', StringComparison.Ordinal) || inner.Contains('[', StringComparison.Ordinal))
                {
                    return null;
                }

                glob = "[" + inner + "]";
                i = end + 1;
            }
            else if (c == '\\' && i + 1 < body.Length)
            {
                var e = body[i + 1];
                glob = e switch
                {
                    'd' => "[0-9]",
                    'w' => "[A-Za-z0-9_]",
                    _ when !char.IsLetterOrDigit(e) => Literal(e),
                    _ => string.Empty,
                };
                if (glob.Length == 0)
                {
                    return null;
                }

                i += 2;
            }
            else if (c == '.')
            {
                glob = "?";
                any = true;
                i++;
            }
            else if ("()|+*?{}$^".Contains(c, StringComparison.Ordinal))
            {
                return null;
            }
            else
            {
                glob = Literal(c);
                i++;
            }

            var (min, max, next) = Quantifier(body, i);
            if (next < 0)
            {
                return null;
            }

            i = next;
            atoms.Add(new Atom(glob, any, min, max));
        }

        return atoms;
    }

    private static (int Min, int? Max, int Next) Quantifier(string body, int i)
    {
        if (i >= body.Length)
        {
            return (1, 1, i);
        }

        switch (body[i])
        {
            case '*':
                return (0, null, i + 1);
            case '+':
                return (1, null, i + 1);
            case '?':
                return (0, 1, i + 1);
            case '{':
                var end = body.IndexOf('}', i);
                if (end < 0)
                {
                    return (0, 0, -1);
                }

                var parts = body[(i + 1)..end].Split(',');
                if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min))
                {
                    return (0, 0, -1);
                }

                if (parts.Length == 1)
                {
                    return (min, min, end + 1);
                }

                if (parts.Length == 2 && parts[1].Length == 0)
                {
                    return (min, null, end + 1);
                }

                return parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var max) ? (min, max, end + 1) : (0, 0, -1);
            default:
                return (1, 1, i);
        }
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A literal character in GLOB: the wildcard characters go in a one-character class.</summary>
    private static string Literal(char c) => c is '*' or '?' or '[' ? "[" + c + "]" : c.ToString();

    /// <summary>The class of characters NOT in <paramref name="globClass"/>: [abc] ↔ [^abc].</summary>
    private static string Complement(string globClass) =>
        globClass.StartsWith("[^", StringComparison.Ordinal) ? "[" + globClass[2..] : "[^" + globClass[1..];
}
