using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class RequireConcurrentReindexRule : PostgreSqlLintRule
{
    public override string Id => "require-concurrent-reindex";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "REINDEX without CONCURRENTLY blocks writes to the table (and reads that would use the index) for the whole rebuild.";

    public override string Fix => "REINDEX INDEX CONCURRENTLY name; (PostgreSQL 12+), outside a transaction block.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        var sql = statement.Sql;
        if (sql.StartsWith("REINDEX") && !sql.Contains("CONCURRENTLY"))
        {
            yield return LintHit.At(sql.First, "REINDEX without CONCURRENTLY locks the table for the rebuild.");
        }
    }
}
