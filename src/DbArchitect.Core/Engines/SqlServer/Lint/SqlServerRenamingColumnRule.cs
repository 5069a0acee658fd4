using DbArchitect.Core.Lint;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Engines.SqlServer.Lint;

internal sealed class SqlServerRenamingColumnRule : SqlServerLintRule
{
    public override string Id => "renaming-column";

    public override string Category => LintCategories.DataLoss;

    public override string Summary => "sp_rename of a column breaks every running application version that uses the old name.";

    public override string Fix => "Expand/contract: add the new column, dual-write, backfill, switch readers, then drop the old one.";

    protected override IEnumerable<LintHit> Check(SqlServerLintStatement statement, SqlServerLintContext context)
    {
        if (SqlServerRename.Read(statement.Fragment) is { Kind: "COLUMN" } rename)
        {
            yield return At(rename.Statement, $"sp_rename '{rename.Object}', …, 'COLUMN' breaks readers of the old name.");
        }
    }
}
