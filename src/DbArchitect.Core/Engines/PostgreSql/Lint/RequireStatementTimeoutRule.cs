using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

/// <summary>Reported once per script, at the first locking statement before any SET statement_timeout.</summary>
internal sealed class RequireStatementTimeoutRule : PostgreSqlLintRule
{
    public override string Id => "require-statement-timeout";

    public override string Category => LintCategories.Robustness;

    public override string Summary => "Without statement_timeout a migration step that turns out slow (a rewrite, a scan) holds its locks for as long as it takes.";

    public override string Fix => "SET statement_timeout = '5s'; (or a budget that fits the step) at the top of the migration; long steps such as CREATE INDEX CONCURRENTLY set their own.";

    public override IEnumerable<LintHit> Check(PostgreSqlLintContext context)
    {
        var first = context.Statements.FirstOrDefault(s => !s.StatementTimeoutSet && PostgreSqlLocking.LocksExistingObject(s));
        if (first is not null)
        {
            yield return LintHit.At(first.Sql.First, "This statement takes a lock with no statement_timeout set earlier in the script.");
        }
    }
}
