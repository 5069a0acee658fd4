using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal enum TransactionControl
{
    None,
    Begin,
    End,
}

/// <summary>BEGIN / START TRANSACTION open a block; COMMIT, END, ROLLBACK and PREPARE TRANSACTION close it (not ROLLBACK TO SAVEPOINT).</summary>
internal static class PostgreSqlTransactions
{
    public static TransactionControl Classify(SqlStatement sql)
    {
        if (sql.StartsWith("BEGIN") || sql.StartsWith("START", "TRANSACTION"))
        {
            return TransactionControl.Begin;
        }

        if (sql.StartsWith("COMMIT", "PREPARED") || sql.StartsWith("ROLLBACK", "PREPARED"))
        {
            return TransactionControl.None;
        }

        if (sql.StartsWith("ROLLBACK") && (sql.Contains("TO") || sql.Contains("SAVEPOINT")))
        {
            return TransactionControl.None;
        }

        return sql.StartsWith("COMMIT") || sql.StartsWith("END") || sql.StartsWith("ROLLBACK") || sql.StartsWith("ABORT") || sql.StartsWith("PREPARE", "TRANSACTION")
            ? TransactionControl.End
            : TransactionControl.None;
    }
}
