using DbArchitect.Core.Lint;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Engines.SqlServer.Lint;

/// <summary>ADD FOREIGN KEY / CHECK validates every existing row while the ALTER holds its Sch-M lock.</summary>
internal sealed class SqlServerConstraintMissingNoCheckRule : SqlServerLintRule
{
    public override string Id => "constraint-missing-not-valid";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "ALTER TABLE … ADD FOREIGN KEY/CHECK (WITH CHECK is the default) scans every row while holding Sch-M: no reads or writes until it finishes.";

    public override string Fix => "ALTER TABLE t WITH NOCHECK ADD CONSTRAINT c …; then, off-peak, ALTER TABLE t WITH CHECK CHECK CONSTRAINT c; so the optimizer trusts it again.";

    protected override IEnumerable<LintHit> Check(SqlServerLintStatement statement, SqlServerLintContext context)
    {
        if (statement.Fragment is not AlterTableAddTableElementStatement add || add.ExistingRowsCheckEnforcement == ConstraintEnforcement.NoCheck || statement.IsNew(add.SchemaObjectName))
        {
            yield break;
        }

        var constraints = add.Definition.TableConstraints.Where(c => c is ForeignKeyConstraintDefinition or CheckConstraintDefinition)
            .Concat(add.Definition.ColumnDefinitions.SelectMany(c => c.Constraints.Where(k => k is ForeignKeyConstraintDefinition or CheckConstraintDefinition)));
        foreach (var constraint in constraints)
        {
            var kind = constraint is ForeignKeyConstraintDefinition ? "FOREIGN KEY" : "CHECK";
            yield return At(constraint, $"ADD {kind} {constraint.ConstraintIdentifier?.Value} validates every row of {add.SchemaObjectName.BaseIdentifier.Value} under Sch-M.");
        }
    }
}
