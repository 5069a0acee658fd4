using DbArchitect.Core.Lint;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Engines.SqlServer.Lint;

internal sealed class SqlServerBanDropColumnRule : SqlServerLintRule
{
    public override string Id => "ban-drop-column";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Category => LintCategories.DataLoss;

    public override string Summary => "DROP COLUMN loses the data and breaks running application versions that still use the column.";

    public override string Fix => "Stop using the column in code, deploy, then drop it in a later migration (with SET LOCK_TIMEOUT).";

    protected override IEnumerable<LintHit> Check(SqlServerLintStatement statement, SqlServerLintContext context)
    {
        if (statement.Fragment is AlterTableDropTableElementStatement drop && !statement.IsNew(drop.SchemaObjectName))
        {
            foreach (var column in drop.AlterTableDropTableElements.Where(e => e.TableElementType == TableElementType.Column))
            {
                yield return At(column, $"DROP COLUMN {column.Name.Value} on {drop.SchemaObjectName.BaseIdentifier.Value} deletes its data.");
            }
        }
    }
}
