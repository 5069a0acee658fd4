using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.MySql.Lint;

/// <summary>Reported once per script, at the first DDL on an existing table before any SET lock_wait_timeout.</summary>
internal sealed class MySqlRequireLockTimeoutRule : MySqlLintRule
{
    public override string Id => "require-lock-timeout";

    public override string Category => LintCategories.Robustness;

    public override string Summary => "Every ALTER waits for a metadata lock; with the default lock_wait_timeout of a year, one long transaction makes the ALTER, and every query queued behind it, wait.";

    public override string Fix => "SET SESSION lock_wait_timeout = 5; at the top of the migration, and retry on error 1205.";

    public override IEnumerable<(MySqlLintStatement Statement, LintHit Hit)> Check(MySqlLintContext context)
    {
        var first = context.Statements.FirstOrDefault(s => !s.LockWaitTimeoutSet && TakesMetadataLock(s));
        if (first is not null)
        {
            yield return (first, LintHit.At(first.Sql.First, "This statement waits for a metadata lock with no lock_wait_timeout set earlier in the script."));
        }
    }

    private static bool TakesMetadataLock(MySqlLintStatement s)
    {
        var sql = s.Sql;
        if (s.AlteredTable is not null)
        {
            return s.AltersExistingTable;
        }

        if (sql.StartsWith("CREATE") && sql.Find(0, 4, "INDEX") >= 0 && sql.Find("ON") is var on and >= 0)
        {
            return !s.IsNewTable(sql.ReadName(on + 1).Name);
        }

        return sql.StartsWith("DROP") || sql.StartsWith("RENAME") || sql.StartsWith("TRUNCATE") || sql.StartsWith("OPTIMIZE") || sql.StartsWith("LOCK");
    }
}
