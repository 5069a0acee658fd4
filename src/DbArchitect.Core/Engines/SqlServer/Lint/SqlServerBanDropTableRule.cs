using DbArchitect.Core.Lint;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Engines.SqlServer.Lint;

internal sealed class SqlServerBanDropTableRule : SqlServerLintRule
{
    public override string Id => "ban-drop-table";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Category => LintCategories.DataLoss;

    public override string Summary => "DROP TABLE deletes the data and breaks every application version that still uses the table.";

    public override string Fix => "Rename it with sp_rename or revoke access first, wait a release, back it up, then drop it in a separate, reviewed migration.";

    protected override IEnumerable<LintHit> Check(SqlServerLintStatement statement, SqlServerLintContext context)
    {
        if (statement.Fragment is DropTableStatement drop)
        {
            foreach (var table in drop.Objects.Where(o => !statement.IsNew(o)))
            {
                yield return At(drop, $"DROP TABLE {table.BaseIdentifier.Value} deletes its data.");
            }
        }
    }
}
