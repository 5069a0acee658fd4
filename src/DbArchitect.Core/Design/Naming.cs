using System.Globalization;
using System.Text;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Design;

/// <summary>
/// Applies a naming convention to names as written. Words split on underscores, hyphens, spaces and lower→upper case
/// changes ("orderItem", "order_item", "Order Item" are the same two words); letters without case (CJK) pass through.
/// </summary>
public static class Naming
{
    public static string Apply(NamingStyle style, string name) => style switch
    {
        NamingStyle.AsWritten => name,
        NamingStyle.SnakeCase => IsSnakeCase(name) ? name : string.Join("_", Words(name).Select(w => w.ToLowerInvariant())),
        NamingStyle.PascalCase => string.Concat(Words(name).Select(Capitalize)),
        NamingStyle.CamelCase => Camel(Words(name)),
        _ => name,
    };

    /// <summary>
    /// True when snake_case leaves the name as it is: lower-case ASCII letters and digits in words joined by single
    /// underscores. Most names are written so, and every layer of the design applies the convention to them.
    /// </summary>
    private static bool IsSnakeCase(string name)
    {
        if (name.Length == 0 || name[0] == '_' || name[^1] == '_')
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || (c == '_' && name[i - 1] != '_')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Prefix for generated object names (pk, fk, ix…) in the convention's style: ix_ or IX_.</summary>
    public static string Prefix(NamingStyle style, string prefix) =>
        style is NamingStyle.PascalCase or NamingStyle.CamelCase ? prefix.ToUpperInvariant() + "_" : prefix + "_";

    /// <summary>Joins parts of a generated object name (table, columns) with underscores: ix_order_customer_id.</summary>
    public static string Compose(NamingStyle style, string prefix, IEnumerable<string> parts) =>
        Prefix(style, prefix) + string.Join("_", parts);

    public static IReadOnlyList<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var previous = '\0';
        foreach (var c in name)
        {
            if (c is '_' or '-' or ' ')
            {
                Flush();
                previous = c;
                continue;
            }

            var boundary = current.Length > 0 && char.IsUpper(c) && (char.IsLower(previous) || char.IsDigit(previous));
            if (boundary)
            {
                Flush();
            }

            current.Append(c);
            previous = c;
        }

        Flush();
        return words.Count == 0 ? new[] { name } : SplitAcronyms(words);

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    // "HTTPStatus" → "HTTP", "Status": an upper-case run followed by a lower-case letter ends one letter early.
    private static List<string> SplitAcronyms(List<string> words)
    {
        var result = new List<string>(words.Count);
        foreach (var word in words)
        {
            var start = 0;
            for (var i = 1; i < word.Length - 1; i++)
            {
                if (char.IsUpper(word[i - 1]) && char.IsUpper(word[i]) && char.IsLower(word[i + 1]))
                {
                    result.Add(word[start..i]);
                    start = i;
                }
            }

            result.Add(word[start..]);
        }

        return result;
    }

    private static string Capitalize(string word)
    {
        if (word.Length == 0)
        {
            return word;
        }

        var lower = word.ToLowerInvariant();
        return char.ToUpper(lower[0], CultureInfo.InvariantCulture) + lower[1..];
    }

    private static string Camel(IReadOnlyList<string> words) =>
        words.Count == 0 ? string.Empty : words[0].ToLowerInvariant() + string.Concat(words.Skip(1).Select(Capitalize));
}
