using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

/// <summary>Whether a statement sets a setting: SET [LOCAL|SESSION] name …, or SELECT set_config('name', …).</summary>
internal static class PostgreSqlSettings
{
    public static bool Sets(SqlStatement sql, string setting)
    {
        if (sql.StartsWith("SET"))
        {
            var at = sql.Matches(1, "LOCAL") || sql.Matches(1, "SESSION") ? 2 : 1;
            return at < sql.Tokens.Count && sql.Tokens[at].Is(setting);
        }

        return sql.StartsWith("SELECT") && sql.Tokens.Any(t => t.Kind == SqlTokenKind.String && string.Equals(t.Text.Trim('\''), setting, StringComparison.OrdinalIgnoreCase))
            && sql.Tokens.Any(t => t.Is("set_config"));
    }
}
