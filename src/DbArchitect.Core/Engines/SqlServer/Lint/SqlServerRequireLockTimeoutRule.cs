using DbArchitect.Core.Lint;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Engines.SqlServer.Lint;

/// <summary>Reported once per script, at the first DDL on an existing object before any SET LOCK_TIMEOUT.</summary>
internal sealed class SqlServerRequireLockTimeoutRule : SqlServerLintRule
{
    public override string Id => "require-lock-timeout";

    public override string Category => LintCategories.Robustness;

    public override string Summary => "Without SET LOCK_TIMEOUT a DDL statement waits for its Sch-M lock forever, and every query queued behind it waits too.";

    public override string Fix => "SET LOCK_TIMEOUT 5000; at the top of the migration, and retry on error 1222; or use WAIT_AT_LOW_PRIORITY on index operations.";

    public override IEnumerable<LintHit> Check(SqlServerLintContext context)
    {
        var first = context.Statements.FirstOrDefault(s => !s.LockTimeoutSet && TakesSchemaLock(s));
        if (first is not null)
        {
            yield return At(first.Fragment, "This statement waits for a schema lock with no LOCK_TIMEOUT set earlier in the script.");
        }
    }

    private static bool TakesSchemaLock(SqlServerLintStatement s) => s.Fragment switch
    {
        AlterTableStatement alter => !s.IsNew(alter.SchemaObjectName),
        CreateIndexStatement index => !s.IsNew(index.OnName),
        AlterIndexStatement or DropTableStatement or DropIndexStatement or TruncateTableStatement => true,
        ExecuteStatement => SqlServerRename.Read(s.Fragment) is not null,
        _ => false,
    };
}
