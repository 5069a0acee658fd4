namespace DbArchitect.Core.Design;

/// <summary>
/// Typical lengths of text by what a column's name says it holds, for columns whose requirements state no avgLength.
/// A declared string(200) name holds a person's name, not 100 characters; a comment column of string(2000) holds a
/// short remark. The figures are deliberately round and stated in the forecast's assumptions; a requirement overrides
/// any of them with avgLength, and live statistics override both.
/// </summary>
internal static class SemanticWidths
{
    internal sealed record Width(int Characters, string Meaning);

    // Exact column names; a name ending in "_" + one of these (customer_name, product_title) means the same thing.
    private static readonly (string[] Names, Width Width)[] Table =
    {
        (new[] { "first_name", "last_name", "given_name", "family_name", "surname", "middle_name" }, new(7, "given or family name")),
        (new[] { "name", "display_name", "full_name", "username", "user_name", "nickname", "handle", "screen_name", "login" }, new(14, "name")),
        (new[] { "title", "subject", "headline", "caption" }, new(40, "title")),
        (new[] { "comment", "message", "reply", "note", "notes", "remark" }, new(80, "comment or message")),
        (new[] { "description", "summary", "bio", "about", "excerpt" }, new(160, "description")),
        (new[] { "body", "content", "text" }, new(200, "body of text")),
        (new[] { "phone", "phone_number", "mobile", "fax" }, new(12, "phone number")),
        (new[] { "address", "street", "address_line1", "address_line2", "line1", "line2" }, new(24, "street address")),
        (new[] { "city", "town", "region", "province" }, new(10, "place name")),
        (new[] { "postal_code", "postcode", "zip", "zip_code" }, new(7, "postal code")),
        (new[] { "slug" }, new(32, "URL slug")),
        (new[] { "sku" }, new(12, "product code")),
    };

    public static Width? Of(string columnName)
    {
        var name = SnakeCase(columnName);
        foreach (var (names, width) in Table)
        {
            if (names.Contains(name, StringComparer.Ordinal))
            {
                return width;
            }
        }

        foreach (var (names, width) in Table)
        {
            foreach (var n in names)
            {
                if (EndsWithWord(name, n))
                {
                    return width;
                }
            }
        }

        return null;
    }

    /// <summary><paramref name="name"/> ends with "_" + <paramref name="word"/>, without building that string (asked for every text column).</summary>
    private static bool EndsWithWord(string name, string word) =>
        name.Length > word.Length && name[name.Length - word.Length - 1] == '_' && name.EndsWith(word, StringComparison.Ordinal);

    /// <summary>displayName, DisplayName and display_name alike: the naming convention must not change the forecast.</summary>
    private static string SnakeCase(string name)
    {
        if (!NeedsSnakeCase(name))
        {
            return name;
        }

        var text = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && char.IsLower(name[i - 1]))
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    /// <summary>True when <see cref="SnakeCase"/> could change the name: it has a letter that is upper case or lowers.</summary>
    private static bool NeedsSnakeCase(string name)
    {
        foreach (var c in name)
        {
            if (char.IsUpper(c) || char.ToLowerInvariant(c) != c)
            {
                return true;
            }
        }

        return false;
    }
}
