using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class RenamingColumnRule : PostgreSqlLintRule
{
    public override string Id => "renaming-column";

    public override string Category => LintCategories.DataLoss;

    public override string Summary => "RENAME COLUMN breaks every running application version that uses the old name (the rename itself is instant).";

    public override string Fix => "Expand/contract: add the new column, dual-write, backfill, switch readers, drop the old one; or expose the new name through a view first.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        if (statement.AltersExistingTable && statement.AlterTable!.Actions.FirstOrDefault(a => a.StartsWith("RENAME") && !a.StartsWith("RENAME", "TO") && !a.StartsWith("RENAME", "CONSTRAINT")) is { } action)
        {
            yield return LintHit.At(action.First, $"RENAME COLUMN on {statement.AlterTable.QualifiedTable} breaks readers of the old name.");
        }
    }
}
