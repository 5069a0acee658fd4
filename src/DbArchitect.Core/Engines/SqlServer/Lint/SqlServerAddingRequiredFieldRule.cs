using DbArchitect.Core.Lint;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Engines.SqlServer.Lint;

internal sealed class SqlServerAddingRequiredFieldRule : SqlServerLintRule
{
    public override string Id => "adding-required-field";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Category => LintCategories.DataLoss;

    public override string Summary => "ADD column NOT NULL without a DEFAULT fails on any table that has rows.";

    public override string Fix => "ADD the column NOT NULL with a constant DEFAULT (metadata-only on Enterprise 2012+), or nullable, backfill in batches, then ALTER COLUMN … NOT NULL.";

    protected override IEnumerable<LintHit> Check(SqlServerLintStatement statement, SqlServerLintContext context)
    {
        if (statement.Fragment is not AlterTableAddTableElementStatement add || statement.IsNew(add.SchemaObjectName))
        {
            yield break;
        }

        foreach (var column in add.Definition.ColumnDefinitions.Where(c => c.DefaultConstraint is null && c.IdentityOptions is null && c.ComputedColumnExpression is null
                     && c.Constraints.OfType<NullableConstraintDefinition>().Any(n => !n.Nullable)))
        {
            yield return At(column, $"Column {column.ColumnIdentifier.Value} is NOT NULL without a DEFAULT: the ALTER fails on a table that has rows.");
        }
    }
}
