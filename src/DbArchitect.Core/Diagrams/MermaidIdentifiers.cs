using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DbArchitect.Core.Design;

namespace DbArchitect.Core.Diagrams;

/// <summary>
/// Maps real table and column names to tokens the erDiagram lexer accepts everywhere (Mermaid 10.5 and later):
/// ASCII letters, digits and underscores, not starting with a digit, and not one of the grammar's keywords.
/// Letters with accents are folded (é to e, ß to ss), anything else becomes an underscore. Names that map to the same
/// token (compared case-insensitively) all get a suffix of six hex digits of the SHA-256 of their real name, so the
/// mapping is deterministic and independent of anything but the names in the same scope.
/// </summary>
internal static class MermaidIdentifiers
{
    private const int MaxLength = 64;

    /// <summary>Words the lexer reads as keywords when they stand alone as an entity name (it is case-insensitive).</summary>
    private static readonly HashSet<string> EntityKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "erDiagram", "one", "many", "to", "end", "class", "classDef", "style", "subgraph", "title", "accTitle",
        "accDescr", "direction", "u", "o",
    };

    /// <summary>Inside an attribute block PK, FK and UK are key markers wherever they stand alone.</summary>
    private static readonly HashSet<string> AttributeKeywords = new(StringComparer.OrdinalIgnoreCase) { "PK", "FK", "UK" };

    public static IReadOnlyDictionary<string, string> ForEntities(IEnumerable<string> names) =>
        Assign(names, "table", EntityKeywords);

    public static IReadOnlyDictionary<string, string> ForAttributes(IEnumerable<string> names) =>
        Assign(names, "column", AttributeKeywords);

    private static Dictionary<string, string> Assign(IEnumerable<string> names, string fallback, HashSet<string> keywords)
    {
        var folded = new Dictionary<string, string>(StringComparer.Ordinal);
        var distinct = new List<string>();
        foreach (var name in names)
        {
            if (!folded.ContainsKey(name))
            {
                folded.Add(name, Fold(name, fallback, keywords));
                distinct.Add(name);
            }
        }

        // How many names fold to each token, compared as the lexer compares them.
        var folds = new Dictionary<string, int>(folded.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var token in folded.Values)
        {
            folds[token] = folds.GetValueOrDefault(token) + 1;
        }

        var result = new Dictionary<string, string>(distinct.Count, StringComparer.Ordinal);
        var taken = new HashSet<string>(distinct.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var name in distinct)
        {
            var token = folded[name];
            var candidate = folds[token] > 1
                ? IdentifierShortener.Shorten(token, MaxLength - 7) + "_" + Hash(name)
                : token;
            var unique = candidate;
            for (var n = 2; !taken.Add(unique); n++)
            {
                unique = candidate + "_" + n.ToString(CultureInfo.InvariantCulture);
            }

            result[name] = unique;
        }

        return result;
    }

    /// <summary>A name that is already a token: ASCII letters, digits and underscores, a letter or digit among them, not starting with a digit.</summary>
    private static bool IsToken(string name)
    {
        if (name.Length == 0 || name.Length > MaxLength || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        var hasLetterOrDigit = false;
        foreach (var ch in name)
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                hasLetterOrDigit = true;
            }
            else if (ch != '_')
            {
                return false;
            }
        }

        return hasLetterOrDigit;
    }

    private static string Fold(string name, string fallback, HashSet<string> keywords)
    {
        if (IsToken(name))
        {
            return keywords.Contains(name) ? name + "_" : name;
        }

        var builder = new StringBuilder(name.Length);
        var lastWasReplacement = false;
        foreach (var ch in name)
        {
            if (ch is >= '\u0300' and <= '\u036F')
            {
                continue; // combining accents of a decomposed name
            }

            var piece = AsciiFold(ch);
            if (piece is null)
            {
                if (!lastWasReplacement)
                {
                    builder.Append('_');
                }

                lastWasReplacement = true;
                continue;
            }

            builder.Append(piece);
            lastWasReplacement = false;
        }

        var text = builder.ToString();
        if (!text.Any(char.IsAsciiLetterOrDigit))
        {
            text = fallback;
        }
        else if (char.IsAsciiDigit(text[0]))
        {
            text = fallback[0] + "_" + text;
        }

        if (keywords.Contains(text))
        {
            text += "_";
        }

        return IdentifierShortener.Shorten(text, MaxLength);
    }

    /// <summary>
    /// Base letters of U+00C0..U+024F (Latin-1 Supplement to Latin Extended-B) by code point; '.' where a letter has
    /// no single ASCII base. Built from Unicode canonical decompositions, because invariant-globalization builds
    /// cannot normalize non-ASCII text at run time.
    /// </summary>
    private const string LatinBases =
        "AAAAAA.CEEEEIIII.NOOOOO..UUUUY..aaaaaa.ceeeeiiii.nooooo..uuuuy.y" +
        "AaAaAaCcCcCcCcDd..EeEeEeEeEeGgGgGgGgHh..IiIiIiIiI...JjKk.LlLlLl." +
        "...NnNnNn...OoOoOo..RrRrRrSsSsSsSsTtTt..UuUuUuUuUuUuWwYyYZzZzZz." +
        "................................Oo.............Uu..............." +
        ".............AaIiOoUuUuUuUuUu.AaAa....GgKkOoOo..j...Gg..NnAa...." +
        "AaAaEeEeIiIiOoOoRrRrUuUuSsTt..Hh......AaEeOoOoOoOoYy............" +
        "................";

    private static string? AsciiFold(char ch)
    {
        if (char.IsAsciiLetterOrDigit(ch) || ch == '_')
        {
            return ch.ToString();
        }

        if (ch is >= '\u00C0' and <= '\u024F' && LatinBases[ch - '\u00C0'] is var b && b != '.')
        {
            return b.ToString();
        }

        return ch switch
        {
            'ß' => "ss",
            'Æ' => "AE",
            'æ' => "ae",
            'Œ' => "OE",
            'œ' => "oe",
            'Ĳ' => "IJ",
            'ĳ' => "ij",
            'Ø' => "O",
            'ø' => "o",
            'Ð' or 'Đ' => "D",
            'ð' or 'đ' => "d",
            'Ħ' => "H",
            'ħ' => "h",
            'ı' => "i",
            'Ŀ' or 'Ł' => "L",
            'ŀ' or 'ł' => "l",
            'Ŧ' => "T",
            'ŧ' => "t",
            'Þ' => "Th",
            'þ' => "th",
            _ => null,
        };
    }

    private static string Hash(string name) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..6].ToLowerInvariant();
}
