using System.Text;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// PostgreSQL identifier rules: unquoted names fold to lower case, so a name keeps its spelling bare only when it is
/// lower-case ASCII letters, digits and underscores, does not start with a digit, and is not a key word that forces
/// quoting. Everything else (mixed case, unicode, spaces, key words such as order or user) is double-quoted.
/// </summary>
public sealed class PostgreSqlIdentifiers : IIdentifierRules
{
    /// <summary>NAMEDATALEN - 1: PostgreSQL silently truncates longer names, so the design shortens them first.</summary>
    public int MaxIdentifierBytes => 63;

    public bool NeedsQuoting(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        if (identifier.Length == 0 || !IsPlainStart(identifier[0]))
        {
            return true;
        }

        foreach (var c in identifier)
        {
            if (!IsPlainStart(c) && c is not (>= '0' and <= '9'))
            {
                return true;
            }
        }

        return PostgreSqlKeywords.ForcesQuoting(identifier);
    }

    public string Quote(string identifier)
    {
        IdentifierText.EnsureQuotable(identifier);

        if (Encoding.UTF8.GetByteCount(identifier) > MaxIdentifierBytes)
        {
            throw new ArgumentException(
                $"Identifier '{identifier}' is longer than {MaxIdentifierBytes} bytes; PostgreSQL would truncate it. Shorten it with IdentifierShortener first.",
                nameof(identifier));
        }

        return NeedsQuoting(identifier)
            ? "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : identifier;
    }

    private static bool IsPlainStart(char c) => c is (>= 'a' and <= 'z') or '_';
}
