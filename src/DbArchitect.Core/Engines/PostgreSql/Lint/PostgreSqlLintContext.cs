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
        var newTables = new NewTableLog(options.NewTables, StringComparer.Ordinal, options.AssumeExistingTables);
        var depth = 0;
        var lockTimeout = false;
        var statementTimeout = false;
        foreach (var sql in script.Statements)
        {
            var kind = PostgreSqlTransactions.Classify(sql);
            statements.Add(new PostgreSqlLintStatement(sql, this, depth, kind, newTables, lockTimeout, statementTimeout));

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
                newTables.Add(created.Name, sql.Index);
                newTables.Add(created.Qualified, sql.Index);
            }
        }

        Statements = statements;
    }

    public LintOptions Options { get; }

    public IReadOnlyList<PostgreSqlLintStatement> Statements { get; }

    /// <summary>The target's major version, or the newest behaviour when unknown.</summary>
    public int ServerMajorVersion => Options.ServerMajorVersion ?? 17;

    /// <summary>The statement that starts at or before the line (binary search: statements are in line order).</summary>
    public PostgreSqlLintStatement? StatementAt(int line)
    {
        int low = 0, high = Statements.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (Statements[middle].Sql.Line <= line)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found < 0 ? null : Statements[found];
    }
}
