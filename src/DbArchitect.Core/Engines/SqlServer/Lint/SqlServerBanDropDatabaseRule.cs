using DbArchitect.Core.Lint;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Engines.SqlServer.Lint;

internal sealed class SqlServerBanDropDatabaseRule : SqlServerLintRule
{
    public override string Id => "ban-drop-database";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Category => LintCategories.DataLoss;

    public override string Summary => "DROP DATABASE in a migration deletes everything; it is never a schema change.";

    public override string Fix => "Drop databases by hand, after a backup, outside the migration pipeline.";

    protected override IEnumerable<LintHit> Check(SqlServerLintStatement statement, SqlServerLintContext context)
    {
        if (statement.Fragment is DropDatabaseStatement drop)
        {
            yield return At(drop, "DROP DATABASE.");
        }
    }
}
