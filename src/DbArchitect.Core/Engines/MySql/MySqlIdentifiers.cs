namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// MySQL/MariaDB identifier rules: backtick quoting (embedded backticks doubled), at most 64 characters, column and
/// index names compared ignoring case. A name stays bare only when it is lower-case ASCII letters, digits and
/// underscores, does not start with a digit (1e5 would read as a number) and is not a reserved word of either server.
/// </summary>
public sealed class MySqlIdentifiers : IIdentifierRules
{
    /// <summary>
    /// The servers count 64 characters; the shared designer counts UTF-8 bytes, so asking for 64 bytes keeps every name
    /// within 64 characters (a name of non-ASCII letters is shortened earlier than the server would require).
    /// </summary>
    public int MaxIdentifierBytes => 64;

    public const int MaxIdentifierCharacters = 64;

    /// <summary>Column and index names are case-insensitive on every platform (table names depend on lower_case_table_names).</summary>
    public bool CaseSensitive => false;

    public bool NeedsQuoting(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        if (identifier.Length == 0 || identifier[0] is >= '0' and <= '9')
        {
            return true;
        }

        foreach (var c in identifier)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                return true;
            }
        }

        return MySqlKeywords.IsReserved(identifier);
    }

    public string Quote(string identifier)
    {
        IdentifierText.EnsureQuotable(identifier);

        if (identifier.EndsWith(' '))
        {
            throw new ArgumentException($"Identifier '{identifier}' ends with a space, which MySQL and MariaDB do not allow.", nameof(identifier));
        }

        var characters = new System.Globalization.StringInfo(identifier).LengthInTextElements;
        if (characters > MaxIdentifierCharacters)
        {
            throw new ArgumentException(
                $"Identifier '{identifier}' is longer than {MaxIdentifierCharacters} characters; MySQL rejects it. Shorten it with IdentifierShortener first.",
                nameof(identifier));
        }

        return NeedsQuoting(identifier) ? "`" + identifier.Replace("`", "``", StringComparison.Ordinal) + "`" : identifier;
    }
}
