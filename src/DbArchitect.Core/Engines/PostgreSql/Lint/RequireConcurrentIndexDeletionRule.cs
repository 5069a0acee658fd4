using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class RequireConcurrentIndexDeletionRule : PostgreSqlLintRule
{
    public override string Id => "require-concurrent-index-deletion";

    public override string Summary => "DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the table: it waits behind long queries and blocks everything queued after it.";

    public override string Fix => "DROP INDEX CONCURRENTLY IF EXISTS … outside a transaction block.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        var sql = statement.Sql;
        if (sql.StartsWith("DROP", "INDEX") && !sql.Contains("CONCURRENTLY"))
        {
            yield return LintHit.At(sql.First, "DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on its table.");
        }
    }
}
