using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.MySql.Lint;

internal sealed class MySqlRenamingColumnRule : MySqlLintRule
{
    public override string Id => "renaming-column";

    public override string Category => LintCategories.DataLoss;

    public override string Summary => "RENAME COLUMN (or CHANGE old new) breaks every running application version that uses the old name.";

    public override string Fix => "Expand/contract: add the new column, dual-write, backfill, switch readers, then drop the old column.";

    protected override IEnumerable<LintHit> Check(MySqlLintStatement statement)
    {
        if (!statement.AltersExistingTable)
        {
            yield break;
        }

        var sql = statement.Sql;
        foreach (var clause in statement.Clauses)
        {
            if (statement.ClauseStartsWith(clause, "RENAME", "COLUMN"))
            {
                yield return LintHit.At(sql.Tokens[clause.Start], $"RENAME COLUMN on {statement.AlteredTable}.");
            }
            else if (statement.ClauseStartsWith(clause, "CHANGE"))
            {
                var old = sql.Matches(clause.Start + 1, "COLUMN") ? clause.Start + 2 : clause.Start + 1;
                if (old + 1 < clause.End && !string.Equals(sql.Tokens[old].Name, sql.Tokens[old + 1].Name, StringComparison.OrdinalIgnoreCase))
                {
                    yield return LintHit.At(sql.Tokens[clause.Start], $"CHANGE {sql.Tokens[old].Text} {sql.Tokens[old + 1].Text} renames the column.");
                }
            }
        }
    }
}
