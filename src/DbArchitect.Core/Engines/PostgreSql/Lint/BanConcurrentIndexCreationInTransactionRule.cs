using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class BanConcurrentIndexCreationInTransactionRule : PostgreSqlLintRule
{
    public override string Id => "ban-concurrent-index-creation-in-transaction";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Category => LintCategories.Transactions;

    public override string Summary => "CREATE/DROP INDEX CONCURRENTLY (and REINDEX CONCURRENTLY) cannot run inside a transaction block: the migration fails.";

    public override string Fix => "Run concurrent index statements in their own migration file without BEGIN/COMMIT (and with the tool's per-file transaction turned off).";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        var sql = statement.Sql;
        var concurrently = sql.Find("CONCURRENTLY");
        if (statement.InTransaction && concurrently >= 0 && (PostgreSqlLintSyntax.IsCreateIndex(sql) || sql.StartsWith("DROP", "INDEX") || sql.StartsWith("REINDEX")))
        {
            yield return LintHit.At(sql.Tokens[concurrently], "CONCURRENTLY inside a transaction block fails with 'cannot run inside a transaction block'.");
        }
    }
}
