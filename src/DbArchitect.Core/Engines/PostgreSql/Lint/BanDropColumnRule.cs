using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class BanDropColumnRule : PostgreSqlLintRule
{
    public override string Id => "ban-drop-column";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Category => LintCategories.DataLoss;

    public override string Summary => "DROP COLUMN loses the data and breaks every running application version that still reads or writes the column.";

    public override string Fix => "Contract in steps: stop using the column in code, deploy, then drop it in a later migration (with lock_timeout); keep a backup of its values if they may be needed.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        if (!statement.AltersExistingTable)
        {
            yield break;
        }

        foreach (var action in statement.AlterTable!.Actions.Where(a => a.StartsWith("DROP") && !a.StartsWith("DROP", "CONSTRAINT") && !a.StartsWith("DROP", "DEFAULT") && !a.StartsWith("DROP", "NOT")))
        {
            var name = action.StartsWith("DROP", "COLUMN") ? action.Start + 2 : action.Start + 1;
            if (action.Sql.Matches(name, "IF", "EXISTS"))
            {
                name += 2;
            }

            yield return LintHit.At(action.First, $"DROP COLUMN {action.TokenAt(name).Text} on {statement.AlterTable.QualifiedTable} deletes its data.");
        }
    }
}
