namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>PostgreSQL identifier rules. TODO(helper): reserved words, folding, quoting.</summary>
public sealed class PostgreSqlIdentifiers : IIdentifierRules
{
    public int MaxIdentifierBytes => 63;

    public bool NeedsQuoting(string identifier) => true;

    public string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
