using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.MySql.Lint;

internal sealed class MySqlBanDropColumnRule : MySqlLintRule
{
    public override string Id => "ban-drop-column";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Category => LintCategories.DataLoss;

    public override string Summary => "DROP COLUMN loses the data, breaks running application versions that use it, and rebuilds the table (INSTANT only from MySQL 8.0.29).";

    public override string Fix => "Stop using the column in code, deploy, then drop it in a later migration with ALGORITHM=INSTANT (8.0.29+) or INPLACE, LOCK=NONE.";

    protected override IEnumerable<LintHit> Check(MySqlLintStatement statement)
    {
        if (!statement.AltersExistingTable)
        {
            yield break;
        }

        foreach (var clause in statement.Clauses.Where(c => statement.ClauseStartsWith(c, "DROP") && !IsNotColumn(statement.Sql, c.Start + 1)))
        {
            yield return LintHit.At(statement.Sql.Tokens[clause.Start], $"DROP COLUMN on {statement.AlteredTable} deletes its data.");
        }
    }

    private static bool IsNotColumn(SqlStatement sql, int at) =>
        sql.Matches(at, "INDEX") || sql.Matches(at, "KEY") || sql.Matches(at, "PRIMARY") || sql.Matches(at, "FOREIGN") ||
        sql.Matches(at, "CONSTRAINT") || sql.Matches(at, "CHECK") || sql.Matches(at, "PARTITION") || sql.Matches(at, "DEFAULT");
}
