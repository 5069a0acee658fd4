using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class BanDropNotNullRule : PostgreSqlLintRule
{
    public override string Id => "ban-drop-not-null";

    public override string Category => LintCategories.DataLoss;

    public override string Summary => "DROP NOT NULL lets NULLs in that application code written for the old rule may not expect; it is hard to undo once NULLs arrive.";

    public override string Fix => "Keep the column NOT NULL and give it a DEFAULT, or deploy code that handles NULL before dropping the constraint.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        if (!statement.AltersExistingTable)
        {
            yield break;
        }

        foreach (var action in statement.AlterTable!.Actions)
        {
            var rest = action.AlterColumnRest;
            if (rest >= 0 && action.Sql.Matches(rest, "DROP", "NOT", "NULL"))
            {
                yield return LintHit.At(action.Sql.Tokens[rest], $"DROP NOT NULL on {action.Sql.Tokens[rest - 1].Text}.");
            }
        }
    }
}
