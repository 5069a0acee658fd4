using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class BanClusterRule : PostgreSqlLintRule
{
    public override string Id => "ban-cluster";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "CLUSTER rewrites the table in index order under ACCESS EXCLUSIVE: no reads or writes until it finishes.";

    public override string Fix => "Use pg_repack --order-by to reorder online.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        if (statement.Sql.StartsWith("CLUSTER"))
        {
            yield return LintHit.At(statement.Sql.First, "CLUSTER holds ACCESS EXCLUSIVE while it rewrites the table.");
        }
    }
}
