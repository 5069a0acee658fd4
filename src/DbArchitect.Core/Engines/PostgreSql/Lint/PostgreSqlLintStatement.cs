using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

/// <summary>One statement and the facts of the script before it.</summary>
internal sealed class PostgreSqlLintStatement
{
    private readonly NewTableLog _newTables;
    private readonly Lazy<PostgreSqlAlterTable?> _alterTable;

    public PostgreSqlLintStatement(SqlStatement sql, PostgreSqlLintContext context, int depth, TransactionControl control, NewTableLog newTables, bool lockTimeoutSet, bool statementTimeoutSet)
    {
        Sql = sql;
        Context = context;
        Depth = depth;
        Control = control;
        _newTables = newTables;
        LockTimeoutSet = lockTimeoutSet;
        StatementTimeoutSet = statementTimeoutSet;
        _alterTable = new Lazy<PostgreSqlAlterTable?>(() => PostgreSqlAlterTable.TryParse(sql));
    }

    public SqlStatement Sql { get; }

    public PostgreSqlLintContext Context { get; }

    /// <summary>1 when an explicit transaction block (BEGIN without its COMMIT yet) is open as the statement starts, else 0.</summary>
    public int Depth { get; }

    public TransactionControl Control { get; }

    /// <summary>Runs inside a transaction block: explicit, or the migration tool's own (-AssumeInTransaction).</summary>
    public bool InTransaction => Depth > 0 || Context.Options.AssumeInTransaction;

    public bool LockTimeoutSet { get; }

    public bool StatementTimeoutSet { get; }

    public PostgreSqlAlterTable? AlterTable => _alterTable.Value;

    /// <summary>The script created this table earlier: it is empty and no session uses it yet.</summary>
    public bool IsNewTable(string name, string qualified) =>
        _newTables.IsNew(qualified, Sql.Index) || (!qualified.Contains('.', StringComparison.Ordinal) && _newTables.IsNew(name, Sql.Index));

    /// <summary>ALTER TABLE on a table that already existed before this script.</summary>
    public bool AltersExistingTable => AlterTable is { } alter && !IsNewTable(alter.Table, alter.QualifiedTable);
}
