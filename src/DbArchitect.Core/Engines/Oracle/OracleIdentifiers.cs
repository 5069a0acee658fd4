using System.Text;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>
/// Oracle identifier rules. Unquoted names fold to UPPER case, and a quoted lower-case name forces every query to quote
/// it forever, so a simple name (ASCII letters, digits and underscores, starting with a letter, all one case, not a
/// reserved word) is written bare in upper case: customer_id becomes CUSTOMER_ID, exactly what the data dictionary
/// shows and what an unquoted reference finds. A reserved word of one case is quoted in upper case ("ORDER"), so the
/// dictionary stays upper-case throughout. Any other name (mixed case, unicode, spaces, quotes) is quoted as written
/// and is then case-sensitive. Names are at most 128 bytes (Oracle 12.2+; 30 before).
/// </summary>
public sealed class OracleIdentifiers : IIdentifierRules
{
    /// <summary>128 bytes since Oracle 12.2 (MAX_STRING_SIZE does not matter here); 30 bytes in 12.1 and earlier.</summary>
    public int MaxIdentifierBytes => 128;

    /// <summary>
    /// False: quoted names are case-sensitive in Oracle, but every simple name folds to upper case, so order and ORDER,
    /// or status and Status written bare, would be one object. The physical designer therefore keeps names unique
    /// ignoring case.
    /// </summary>
    public bool CaseSensitive => false;

    public bool NeedsQuoting(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return !IsSimple(identifier) || OracleKeywords.IsReserved(identifier);
    }

    public string Quote(string identifier)
    {
        // Oracle refuses NUL together with the double quote below, in its own words.
        IdentifierText.EnsureQuotable(identifier, refuseNul: false);
        if (identifier.Contains('\0', StringComparison.Ordinal) || identifier.Contains('"', StringComparison.Ordinal))
        {
            // Oracle has no escape for a double quote inside a quoted identifier.
            throw new ArgumentException($"Identifier '{identifier}' contains a NUL or a double quote, which Oracle identifiers cannot hold.", nameof(identifier));
        }

        if (Encoding.UTF8.GetByteCount(identifier) > MaxIdentifierBytes)
        {
            throw new ArgumentException(
                $"Identifier '{identifier}' is longer than {MaxIdentifierBytes} bytes; Oracle rejects it (ORA-00972). Shorten it with IdentifierShortener first.",
                nameof(identifier));
        }

        if (IsSimple(identifier))
        {
            var upper = identifier.ToUpperInvariant();
            return OracleKeywords.IsReserved(identifier) ? "\"" + upper + "\"" : upper;
        }

        return "\"" + identifier + "\"";
    }

    /// <summary>The name as the data dictionary stores it (USER_TABLES.TABLE_NAME): folded when simple, as written otherwise.</summary>
    public static string DictionaryName(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return IsSimple(identifier) ? identifier.ToUpperInvariant() : identifier;
    }

    /// <summary>Letters, digits and underscores, a letter first, one letter case ($ and # are legal but discouraged by Oracle, so quoted).</summary>
    private static bool IsSimple(string identifier)
    {
        if (identifier.Length == 0 || !char.IsAsciiLetter(identifier[0]))
        {
            return false;
        }

        bool hasLower = false, hasUpper = false;
        foreach (var c in identifier)
        {
            if (char.IsAsciiLetterLower(c))
            {
                hasLower = true;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                hasUpper = true;
            }
            else if (!char.IsAsciiDigit(c) && c != '_')
            {
                return false;
            }
        }

        return !(hasLower && hasUpper);
    }
}
