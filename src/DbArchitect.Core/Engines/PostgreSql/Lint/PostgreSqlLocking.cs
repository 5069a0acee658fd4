using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

/// <summary>
/// Which statements queue for a lock on something other sessions use: DDL and maintenance on existing objects. While such a
/// statement waits, every query behind it waits too, which is why it needs lock_timeout. Creating new objects, DML,
/// settings and transaction control do not count; neither does DDL on a table the script created itself.
/// </summary>
internal static class PostgreSqlLocking
{
    private static readonly string[] Harmless =
    {
        "SET", "RESET", "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE", "SELECT", "INSERT",
        "UPDATE", "DELETE", "COPY", "WITH", "VALUES", "DO", "CALL", "GRANT", "REVOKE", "COMMENT", "SHOW", "EXPLAIN", "PREPARE",
        "EXECUTE", "DEALLOCATE", "NOTIFY", "LISTEN", "ANALYZE", "SECURITY", "\\",
    };

    private static readonly string[] NewObjects =
    {
        "SCHEMA", "EXTENSION", "FUNCTION", "PROCEDURE", "TYPE", "SEQUENCE", "ROLE", "USER", "DOMAIN", "COLLATION", "AGGREGATE",
        "OPERATOR", "PUBLICATION", "SUBSCRIPTION", "SERVER", "CAST", "TEXT", "STATISTICS", "DATABASE", "TABLESPACE",
    };

    private static readonly string[] LockedAlters = { "INDEX", "TYPE", "DOMAIN", "SEQUENCE", "VIEW", "MATERIALIZED", "TRIGGER", "POLICY", "FOREIGN" };

    private static readonly string[] Maintenance = { "DROP", "TRUNCATE", "VACUUM", "CLUSTER", "REINDEX", "LOCK", "REFRESH" };

    public static bool LocksExistingObject(PostgreSqlLintStatement statement)
    {
        var sql = statement.Sql;
        if (Harmless.Any(w => sql.First.Is(w)) || sql.First.Kind != SqlTokenKind.Word)
        {
            return false;
        }

        if (sql.StartsWith("CREATE"))
        {
            var what = sql.Matches(1, "OR", "REPLACE") ? 3 : 1;
            while (what < sql.Tokens.Count && (sql.Tokens[what].Is("TEMP") || sql.Tokens[what].Is("TEMPORARY") || sql.Tokens[what].Is("UNLOGGED") || sql.Tokens[what].Is("TRUSTED") || sql.Tokens[what].Is("PROCEDURAL")))
            {
                what++;
            }

            if (what < sql.Tokens.Count && (sql.Tokens[what].Is("TABLE") || sql.Tokens[what].Is("VIEW") || sql.Tokens[what].Is("LANGUAGE") || NewObjects.Any(w => sql.Tokens[what].Is(w))))
            {
                return false;
            }

            if (PostgreSqlLintSyntax.IndexTable(sql) is { } indexed)
            {
                return !statement.IsNewTable(indexed.Name, indexed.Qualified);
            }

            // Triggers, policies, rules and materialized views lock the table they name.
            var on = sql.Find("ON");
            if (on >= 0)
            {
                var (name, qualified, _) = sql.ReadName(on + 1);
                return !statement.IsNewTable(name, qualified);
            }

            return false;
        }

        if (statement.AlterTable is { } alter)
        {
            return !statement.IsNewTable(alter.Table, alter.QualifiedTable);
        }

        // ALTER SCHEMA/ROLE/DEFAULT PRIVILEGES/DATABASE … SET change catalog rows nobody's queries lock.
        if (sql.StartsWith("ALTER"))
        {
            return LockedAlters.Any(w => sql.Matches(1, w));
        }

        var dropOn = sql.Find("ON");
        if (sql.StartsWith("DROP") && (dropOn >= 0 || sql.StartsWith("DROP", "TABLE")))
        {
            // DROP POLICY/TRIGGER/RULE … ON table and DROP TABLE lock that table, which may be the script's own.
            var at = dropOn >= 0 ? dropOn + 1 : sql.Matches(2, "IF", "EXISTS") ? 4 : 2;
            var (name, qualified, _) = sql.ReadName(at);
            return !statement.IsNewTable(name, qualified);
        }

        return Maintenance.Any(w => sql.First.Is(w));
    }
}
