using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

/// <summary>Reported once per script, at the first statement that queues for a lock before any SET lock_timeout.</summary>
internal sealed class RequireLockTimeoutRule : PostgreSqlLintRule
{
    public override string Id => "require-lock-timeout";

    public override string Category => LintCategories.Robustness;

    public override string Summary => "Without lock_timeout, DDL that waits for a lock (behind one long query) makes every later query on that table wait too: a full outage from a 'fast' statement.";

    public override string Fix => "SET lock_timeout = '2s'; at the top of the migration, and retry the migration when it times out (see the playbook's run_ddl_with_retry).";

    public override IEnumerable<LintHit> Check(PostgreSqlLintContext context)
    {
        var first = context.Statements.FirstOrDefault(s => !s.LockTimeoutSet && PostgreSqlLocking.LocksExistingObject(s));
        if (first is not null)
        {
            yield return LintHit.At(first.Sql.First, "This statement waits for a lock with no lock_timeout set earlier in the script.");
        }
    }
}
