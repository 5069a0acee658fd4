using DbArchitect.Core.Lint;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Engines.SqlServer.Lint;

internal sealed class SqlServerRenamingTableRule : SqlServerLintRule
{
    public override string Id => "renaming-table";

    public override string Category => LintCategories.DataLoss;

    public override string Summary => "sp_rename of a table breaks every running application version that uses the old name (and takes Sch-M).";

    public override string Fix => "Rename, then CREATE SYNONYM old_name FOR new_name (or a view) in the same transaction; drop it once no code uses the old name.";

    protected override IEnumerable<LintHit> Check(SqlServerLintStatement statement, SqlServerLintContext context)
    {
        if (SqlServerRename.Read(statement.Fragment) is { Kind: "OBJECT" } rename)
        {
            yield return At(rename.Statement, $"sp_rename '{rename.Object}' breaks readers of the old name.");
        }
    }
}
