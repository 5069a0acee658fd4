using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.MySql.Lint;

internal sealed class MySqlRenamingTableRule : MySqlLintRule
{
    public override string Id => "renaming-table";

    public override string Category => LintCategories.DataLoss;

    public override string Summary => "RENAME TABLE (or ALTER TABLE … RENAME TO) breaks every running application version that uses the old name.";

    public override string Fix => "Expand/contract: create the new table, dual-write, backfill, switch readers, drop the old; or keep a view with the old name during the switch.";

    protected override IEnumerable<LintHit> Check(MySqlLintStatement statement)
    {
        var sql = statement.Sql;
        if (sql.StartsWith("RENAME", "TABLE"))
        {
            yield return LintHit.At(sql.First, $"RENAME TABLE {sql.ReadName(2).Name}.");
        }
        else if (statement.AltersExistingTable && statement.Clauses.FirstOrDefault(c => statement.ClauseStartsWith(c, "RENAME") && !IsColumnOrIndex(sql, c.Start + 1)) is { End: > 0 } clause)
        {
            yield return LintHit.At(sql.Tokens[clause.Start], $"ALTER TABLE {statement.AlteredTable} RENAME TO breaks readers of the old name.");
        }
    }

    private static bool IsColumnOrIndex(SqlStatement sql, int at) => sql.Matches(at, "COLUMN") || sql.Matches(at, "INDEX") || sql.Matches(at, "KEY");
}
