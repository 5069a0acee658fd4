using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class BanUncommittedTransactionRule : PostgreSqlLintRule
{
    public override string Id => "ban-uncommitted-transaction";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Category => LintCategories.Transactions;

    public override string Summary => "A BEGIN without COMMIT leaves the migration's locks held until the session ends, or rolls everything back silently.";

    public override string Fix => "End every BEGIN with COMMIT in the same file.";

    public override IEnumerable<LintHit> Check(PostgreSqlLintContext context)
    {
        var lastBegin = context.Statements.LastOrDefault(s => s.Control == TransactionControl.Begin);
        if (lastBegin is not null && !context.Statements.Skip(lastBegin.Sql.Index + 1).Any(s => s.Control == TransactionControl.End))
        {
            yield return LintHit.At(lastBegin.Sql.First, "This transaction is never committed.");
        }
    }
}
