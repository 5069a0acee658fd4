using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.MySql.Lint;

/// <summary>Without ALGORITHM/LOCK, MySQL silently falls back to a table copy that blocks writes when the change cannot run online.</summary>
internal sealed class RequireOnlineAlterRule : MySqlLintRule
{
    public override string Id => "require-online-alter";

    public override string Summary => "ALTER TABLE without ALGORITHM=INSTANT (or ALGORITHM=INPLACE, LOCK=NONE) lets MySQL silently choose a table copy that blocks writes for the whole copy.";

    public override string Fix => "Append ALGORITHM=INSTANT, or ALGORITHM=INPLACE, LOCK=NONE: MySQL then refuses a change it cannot make online instead of copying the table under lock.";

    protected override IEnumerable<LintHit> Check(MySqlLintStatement statement)
    {
        if (statement.AltersExistingTable && !statement.DeclaresOnline && statement.Clauses.Count > 0
            && !statement.Clauses.All(c => statement.ClauseStartsWith(c, "RENAME")))
        {
            yield return LintHit.At(statement.Sql.First, $"ALTER TABLE {statement.AlteredTable} does not say ALGORITHM=INSTANT or INPLACE with LOCK=NONE.");
        }
    }
}
