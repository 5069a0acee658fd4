using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class BanLockTableRule : PostgreSqlLintRule
{
    public override string Id => "ban-lock-table";

    public override string Summary => "LOCK TABLE (ACCESS EXCLUSIVE unless a mode is named) holds the lock until the transaction ends, blocking traffic for the rest of the migration.";

    public override string Fix => "Let each statement take the lock it needs, in short transactions with lock_timeout; if a LOCK is truly needed, name the weakest mode and add NOWAIT.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        var sql = statement.Sql;
        if (sql.StartsWith("LOCK") && !sql.Contains("NOWAIT"))
        {
            yield return LintHit.At(sql.First, sql.Contains("MODE") ? "LOCK TABLE holds its lock until the transaction ends." : "LOCK TABLE without a mode takes ACCESS EXCLUSIVE until the transaction ends.");
        }
    }
}
