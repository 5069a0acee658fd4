using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.MySql.Lint;

/// <summary>A MySQL script with, per statement, the tables created before it and whether lock_wait_timeout was set.</summary>
internal sealed class MySqlLintContext
{
    public MySqlLintContext(SqlScriptReader script, LintOptions options)
    {
        Options = options;
        var statements = new List<MySqlLintStatement>();
        var newTables = new NewTableLog(options.NewTables, StringComparer.OrdinalIgnoreCase, options.AssumeExistingTables);
        var lockWait = false;
        foreach (var sql in script.Statements)
        {
            statements.Add(new MySqlLintStatement(sql, newTables, lockWait));
            lockWait |= sql.StartsWith("SET") && sql.Tokens.Any(t => t.Is("lock_wait_timeout") || t.Is("innodb_lock_wait_timeout"));
            if (MySqlLintStatement.CreatedTable(sql) is { } created)
            {
                newTables.Add(created, sql.Index);
            }
        }

        Statements = statements;
    }

    public LintOptions Options { get; }

    public IReadOnlyList<MySqlLintStatement> Statements { get; }
}
