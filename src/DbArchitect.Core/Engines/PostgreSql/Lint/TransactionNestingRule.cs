using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class TransactionNestingRule : PostgreSqlLintRule
{
    public override string Id => "transaction-nesting";

    public override string Category => LintCategories.Transactions;

    public override string Summary => "BEGIN inside a transaction only warns and COMMIT then ends the outer one: statements meant to be atomic are not (and with a tool's per-file transaction, BEGIN/COMMIT in the file break it).";

    public override string Fix => "One transaction per migration: remove the inner BEGIN/COMMIT, or turn off the tool's transaction for this file.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        if (statement.Control == TransactionControl.None)
        {
            yield break;
        }

        if (statement.Control == TransactionControl.Begin && statement.InTransaction)
        {
            yield return LintHit.At(statement.Sql.First, statement.Depth > 0
                ? "BEGIN inside an open transaction: PostgreSQL ignores it and the next COMMIT ends the outer block."
                : "BEGIN in a file the migration tool already runs in a transaction.");
        }
        else if (statement.Control == TransactionControl.End && (statement.Depth == 0 || statement.Context.Options.AssumeInTransaction))
        {
            yield return LintHit.At(statement.Sql.First, $"{statement.Sql.First.Text.ToUpperInvariant()} ends a transaction this script did not open.");
        }
    }
}
