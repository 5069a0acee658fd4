using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class RenamingTableRule : PostgreSqlLintRule
{
    public override string Id => "renaming-table";

    public override string Category => LintCategories.DataLoss;

    public override string Summary => "RENAME TO breaks every running application version that uses the old table name.";

    public override string Fix => "Rename, then CREATE VIEW old_name AS SELECT * FROM new_name in the same transaction so old code keeps working; drop the view later.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        if (statement.AltersExistingTable && statement.AlterTable!.Actions.FirstOrDefault(a => a.StartsWith("RENAME", "TO")) is { } action)
        {
            yield return LintHit.At(action.First, $"RENAME TO on {statement.AlterTable.QualifiedTable} breaks readers of the old name.");
        }
    }
}
