using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class ChangingColumnTypeRule : PostgreSqlLintRule
{
    public override string Id => "changing-column-type";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "ALTER COLUMN … TYPE rewrites the table and its indexes under ACCESS EXCLUSIVE (except a few binary-compatible changes such as widening varchar).";

    public override string Fix => "Add a new column of the new type, dual-write with a trigger, backfill in batches, switch readers, then drop the old column.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        if (!statement.AltersExistingTable)
        {
            yield break;
        }

        foreach (var action in statement.AlterTable!.Actions)
        {
            var rest = action.AlterColumnRest;
            if (rest >= 0 && (action.Sql.Matches(rest, "TYPE") || action.Sql.Matches(rest, "SET", "DATA", "TYPE")))
            {
                yield return LintHit.At(action.Sql.Tokens[rest], $"Changing the type of {action.Sql.Tokens[rest - 1].Text} rewrites {statement.AlterTable.QualifiedTable} under ACCESS EXCLUSIVE.");
            }
        }
    }
}
