using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class RequireConcurrentRefreshRule : PostgreSqlLintRule
{
    public override string Id => "require-concurrent-refresh";

    public override string Summary => "REFRESH MATERIALIZED VIEW without CONCURRENTLY takes ACCESS EXCLUSIVE: readers of the view wait for the whole refresh.";

    public override string Fix => "Give the view a unique index and REFRESH MATERIALIZED VIEW CONCURRENTLY.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        var sql = statement.Sql;
        if (sql.StartsWith("REFRESH", "MATERIALIZED", "VIEW") && !sql.Contains("CONCURRENTLY") && !sql.Contains("WITH", "NO", "DATA"))
        {
            yield return LintHit.At(sql.First, "REFRESH MATERIALIZED VIEW blocks its readers.");
        }
    }
}
