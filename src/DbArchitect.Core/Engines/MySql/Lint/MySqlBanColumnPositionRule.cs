using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.MySql.Lint;

internal sealed class MySqlBanColumnPositionRule : MySqlLintRule
{
    public override string Id => "ban-column-position";

    public override string Summary => "ADD COLUMN … FIRST/AFTER cannot be INSTANT before MySQL 8.0.29 (nor on MariaDB before 10.4 with instant reorder off): the table is rebuilt to place the column.";

    public override string Fix => "Add the column at the end (no FIRST/AFTER); column order does not matter to queries that name their columns.";

    protected override IEnumerable<LintHit> Check(MySqlLintStatement statement)
    {
        if (!statement.AltersExistingTable)
        {
            yield break;
        }

        var sql = statement.Sql;
        foreach (var clause in statement.Clauses.Where(c => statement.ClauseStartsWith(c, "ADD")))
        {
            var position = Math.Max(sql.Find(clause.Start, clause.End, "FIRST"), sql.Find(clause.Start, clause.End, "AFTER"));
            if (position >= 0)
            {
                yield return LintHit.At(sql.Tokens[position], $"{sql.Tokens[position].Text.ToUpperInvariant()} places the new column inside {statement.AlteredTable}, which rebuilds it on older servers.");
            }
        }
    }
}
