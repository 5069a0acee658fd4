using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class RequireConcurrentPartitionDetachRule : PostgreSqlLintRule
{
    public override string Id => "require-concurrent-partition-detach";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "DETACH PARTITION without CONCURRENTLY takes ACCESS EXCLUSIVE on the partitioned table: every query on any partition waits.";

    public override string Fix => "ALTER TABLE parent DETACH PARTITION child CONCURRENTLY; (PostgreSQL 14+), outside a transaction block.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        if (statement.AlterTable is not { } alter)
        {
            yield break;
        }

        foreach (var action in alter.Actions.Where(a => a.StartsWith("DETACH", "PARTITION") && !a.Contains("CONCURRENTLY") && !a.Contains("FINALIZE")))
        {
            yield return LintHit.At(action.First, $"DETACH PARTITION locks {alter.QualifiedTable} with ACCESS EXCLUSIVE.");
        }
    }
}
