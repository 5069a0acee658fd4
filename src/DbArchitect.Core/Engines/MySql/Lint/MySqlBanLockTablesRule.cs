using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.MySql.Lint;

internal sealed class MySqlBanLockTablesRule : MySqlLintRule
{
    public override string Id => "ban-lock-table";

    public override string Summary => "LOCK TABLES blocks other sessions until UNLOCK TABLES (and commits any open transaction implicitly).";

    public override string Fix => "Let each statement take the locks it needs, with lock_wait_timeout; use online DDL instead of locking by hand.";

    protected override IEnumerable<LintHit> Check(MySqlLintStatement statement)
    {
        if (statement.Sql.StartsWith("LOCK", "TABLES") || statement.Sql.StartsWith("LOCK", "TABLE"))
        {
            yield return LintHit.At(statement.Sql.First, "LOCK TABLES blocks other sessions until UNLOCK TABLES.");
        }
    }
}
