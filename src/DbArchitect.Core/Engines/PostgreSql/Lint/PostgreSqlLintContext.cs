using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

/// <summary>
/// A PostgreSQL script with what each statement can rely on: whether it runs in a transaction, which tables the script
/// created before it (a new table is empty and unseen by traffic, so locking it is harmless), whether lock_timeout and
/// statement_timeout were set.
/// </summary>
internal sealed class PostgreSqlLintContext
{
    public PostgreSqlLintContext(SqlScriptReader script, LintOptions options)
    {
        Options = options;
        var statements = new List<PostgreSqlLintStatement>();
        var newTables = new HashSet<string>(options.NewTables, StringComparer.Ordinal);
        var depth = 0;
        var lockTimeout = false;
        var statementTimeout = false;
        foreach (var sql in script.Statements)
        {
            var kind = PostgreSqlTransactions.Classify(sql);
            statements.Add(new PostgreSqlLintStatement(sql, this, depth, kind, new HashSet<string>(newTables, StringComparer.Ordinal), lockTimeout, statementTimeout));

            // PostgreSQL does not nest: a second BEGIN only warns, the first COMMIT ends the block.
            depth = kind switch
            {
                TransactionControl.Begin => 1,
                TransactionControl.End => 0,
                _ => depth,
            };

            lockTimeout |= PostgreSqlSettings.Sets(sql, "lock_timeout");
            statementTimeout |= PostgreSqlSettings.Sets(sql, "statement_timeout");
            if (PostgreSqlLintSyntax.CreatedTable(sql) is { } created)
            {
                newTables.Add(created.Name);
                newTables.Add(created.Qualified);
            }
        }

        Statements = statements;
    }

    public LintOptions Options { get; }

    public IReadOnlyList<PostgreSqlLintStatement> Statements { get; }

    /// <summary>The target's major version, or the newest behaviour when unknown.</summary>
    public int ServerMajorVersion => Options.ServerMajorVersion ?? 17;

    public PostgreSqlLintStatement? StatementAt(int line) =>
        Statements.LastOrDefault(s => s.Sql.Line <= line && line <= s.Sql.EndLine) ?? Statements.LastOrDefault(s => s.Sql.Line <= line);
}
