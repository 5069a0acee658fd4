using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class RequireConcurrentIndexCreationRule : PostgreSqlLintRule
{
    public override string Id => "require-concurrent-index-creation";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "CREATE INDEX without CONCURRENTLY blocks every write to the table (SHARE lock) for the whole build.";

    public override string Fix => "CREATE INDEX CONCURRENTLY IF NOT EXISTS … outside a transaction block; on failure DROP INDEX CONCURRENTLY the INVALID index and retry.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        var sql = statement.Sql;
        if (PostgreSqlLintSyntax.IndexTable(sql) is { } table && !sql.Contains("CONCURRENTLY") && !statement.IsNewTable(table.Name, table.Qualified))
        {
            yield return LintHit.At(sql.First, $"CREATE INDEX on {table.Qualified} without CONCURRENTLY blocks writes for the whole build.");
        }
    }
}
