using System.Text;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// SQLite identifier rules: names compare case-insensitively (ASCII) whether quoted or not, so case never needs
/// quoting; a name stays bare when it is ASCII letters, digits and underscores, does not start with a digit and is
/// not a key word. Everything else is double-quoted with embedded quotes doubled (the SQL standard form; SQLite's
/// [brackets] and `backticks` are compatibility spellings and never written).
/// </summary>
public sealed class SqliteIdentifiers : IIdentifierRules
{
    /// <summary>
    /// SQLite itself has no identifier limit (a name is bounded only by the statement length, SQLITE_MAX_SQL_LENGTH,
    /// 1 GB by default). 255 bytes is a generous, deliberate cap: it never shortens a name a person would write, keeps
    /// names usable in tools and in a later move to an engine with a limit, and leaves room for the suffixes the
    /// design derives from table names (search tables, trigger names).
    /// </summary>
    public int MaxIdentifierBytes => 255;

    public bool CaseSensitive => false;

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

        return SqliteKeywords.IsKeyword(identifier);
    }

    public string Quote(string identifier)
    {
        IdentifierText.EnsureQuotable(identifier);

        if (Encoding.UTF8.GetByteCount(identifier) > MaxIdentifierBytes)
        {
            throw new ArgumentException(
                $"Identifier '{identifier}' is longer than {MaxIdentifierBytes} bytes, the design's cap for SQLite. Shorten it with IdentifierShortener first.",
                nameof(identifier));
        }

        return NeedsQuoting(identifier)
            ? "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : identifier;
    }

    private static bool IsPlainStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';
}
