namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// SQL Server identifier rules: names are sysname (NVARCHAR(128)), compared by the database collation — with the
/// default SQL_Latin1_General_CP1_CI_AS / Latin1_General_100_CI_AS collations case-insensitively, so two names that
/// differ only in case are the same object. The writer always brackets names ([order], [a]]b]): with
/// QUOTED_IDENTIFIER settings varying between clients, brackets are the one quoting that always works.
/// </summary>
public sealed class SqlServerIdentifiers : IIdentifierRules
{
    /// <summary>
    /// 128 characters (sysname). The limit is in characters, the shortener counts UTF-8 bytes: 128 bytes is never more
    /// than 128 characters, so a shortened name always fits.
    /// </summary>
    public int MaxIdentifierBytes => 128;

    public bool CaseSensitive => false;

    public bool NeedsQuoting(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        if (identifier.Length == 0 || !(char.IsLetter(identifier[0]) || identifier[0] == '_'))
        {
            return true;
        }

        foreach (var c in identifier)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '@' or '#' or '$'))
            {
                return true;
            }
        }

        return SqlServerKeywords.IsReserved(identifier);
    }

    public string Quote(string identifier)
    {
        IdentifierText.EnsureQuotable(identifier);

        if (identifier.Length > MaxIdentifierBytes)
        {
            throw new ArgumentException(
                $"Identifier '{identifier}' is longer than {MaxIdentifierBytes} characters, SQL Server's sysname limit. Shorten it with IdentifierShortener first.",
                nameof(identifier));
        }

        return "[" + identifier.Replace("]", "]]", StringComparison.Ordinal) + "]";
    }
}
