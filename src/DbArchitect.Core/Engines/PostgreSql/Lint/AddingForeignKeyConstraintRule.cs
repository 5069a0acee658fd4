using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

/// <summary>Adding a foreign key locks both tables (SHARE ROW EXCLUSIVE) and scans the referencing one unless NOT VALID.</summary>
internal sealed class AddingForeignKeyConstraintRule : PostgreSqlLintRule
{
    public override string Id => "adding-foreign-key-constraint";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "ADD FOREIGN KEY (or ADD COLUMN … REFERENCES) on an existing table blocks writes to both tables while every row is checked.";

    public override string Fix => "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (c) REFERENCES p (id) NOT VALID; then, in a separate transaction, ALTER TABLE t VALIDATE CONSTRAINT fk;";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        if (!statement.AltersExistingTable)
        {
            yield break;
        }

        foreach (var action in statement.AlterTable!.Actions)
        {
            if (action.AddedConstraint is { IsForeignKey: true, NotValid: false } fk)
            {
                yield return LintHit.At(fk.KindToken, $"Foreign key {fk.Name} is validated while SHARE ROW EXCLUSIVE locks {statement.AlterTable.QualifiedTable} and the referenced table: writes wait for the whole scan.");
            }
            else if (action.AddedColumn is { } column && column.References >= 0)
            {
                yield return LintHit.At(column.Sql.Tokens[column.References], $"ADD COLUMN {column.NameToken.Text} … REFERENCES takes SHARE ROW EXCLUSIVE on the referenced table as well.",
                    "Add the column without REFERENCES, then ADD CONSTRAINT … FOREIGN KEY … NOT VALID and VALIDATE CONSTRAINT separately.");
            }
        }
    }
}
