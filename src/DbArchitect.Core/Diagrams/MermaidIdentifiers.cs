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
        var distinct = names.Distinct(StringComparer.Ordinal).ToList();
        var folded = distinct.ToDictionary(n => n, n => Fold(n, fallback, keywords), StringComparer.Ordinal);
        var clashes = folded.GroupBy(p => p.Value, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(p => p.Key))
            .ToHashSet(StringComparer.Ordinal);

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in distinct)
        {
            var candidate = clashes.Contains(name)
                ? IdentifierShortener.Shorten(folded[name], MaxLength - 7) + "_" + Hash(name)
                : folded[name];
            var unique = candidate;
            for (var n = 2; !taken.Add(unique); n++)
            {
                unique = candidate + "_" + n.ToString(CultureInfo.InvariantCulture);
            }

            result[name] = unique;
        }

        return result;
    }

    private static string Fold(string name, string fallback, HashSet<string> keywords)
    {
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
