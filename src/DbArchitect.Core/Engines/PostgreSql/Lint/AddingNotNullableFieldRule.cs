using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

/// <summary>SET NOT NULL scans the whole table under ACCESS EXCLUSIVE unless a validated CHECK (c IS NOT NULL) proves it.</summary>
internal sealed class AddingNotNullableFieldRule : PostgreSqlLintRule
{
    public override string Id => "adding-not-nullable-field";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "ALTER COLUMN … SET NOT NULL on an existing table scans every row while holding ACCESS EXCLUSIVE (no reads, no writes).";

    public override string Fix => "ALTER TABLE t ADD CONSTRAINT c_not_null CHECK (c IS NOT NULL) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT c_not_null; ALTER TABLE t ALTER COLUMN c SET NOT NULL; (PostgreSQL 12+ skips the scan) ALTER TABLE t DROP CONSTRAINT c_not_null;";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        if (!statement.AltersExistingTable)
        {
            yield break;
        }

        foreach (var action in statement.AlterTable!.Actions)
        {
            var rest = action.AlterColumnRest;
            if (rest >= 0 && action.Sql.Matches(rest, "SET", "NOT", "NULL"))
            {
                yield return LintHit.At(action.Sql.Tokens[rest], $"SET NOT NULL on {action.Sql.Tokens[rest - 1].Text} scans {statement.AlterTable.QualifiedTable} under ACCESS EXCLUSIVE.");
            }
        }
    }
}
