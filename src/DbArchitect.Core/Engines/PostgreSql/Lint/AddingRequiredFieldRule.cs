using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

/// <summary>ADD COLUMN … NOT NULL without a DEFAULT fails on any table with rows.</summary>
internal sealed class AddingRequiredFieldRule : PostgreSqlLintRule
{
    public override string Id => "adding-required-field";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Category => LintCategories.DataLoss;

    public override string Summary => "ADD COLUMN … NOT NULL without DEFAULT fails as soon as the table has a row, so the migration breaks in production only.";

    public override string Fix => "Add the column nullable (or with a constant DEFAULT), backfill in batches, then add NOT NULL through a validated CHECK constraint.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        if (!statement.AltersExistingTable)
        {
            yield break;
        }

        foreach (var action in statement.AlterTable!.Actions)
        {
            if (action.AddedColumn is { NotNull: true, Default: < 0, Generated: < 0 } column && !column.Type.IsSerial)
            {
                yield return LintHit.At(action.First, $"Column {column.NameToken.Text} is NOT NULL without a DEFAULT: the ALTER fails on a table that has rows.");
            }
        }
    }
}
