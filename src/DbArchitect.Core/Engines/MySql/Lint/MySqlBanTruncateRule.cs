using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.MySql.Lint;

internal sealed class MySqlBanTruncateRule : MySqlLintRule
{
    public override string Id => "ban-truncate";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Category => LintCategories.DataLoss;

    public override string Summary => "TRUNCATE TABLE deletes every row without a way back (it is DDL: it commits implicitly and cannot be rolled back).";

    public override string Fix => "Delete in batches with a WHERE, or rename the table away and create an empty one, keeping the old data until it is no longer needed.";

    protected override IEnumerable<LintHit> Check(MySqlLintStatement statement)
    {
        var sql = statement.Sql;
        if (sql.StartsWith("TRUNCATE"))
        {
            var name = sql.ReadName(sql.Matches(1, "TABLE") ? 2 : 1).Name;
            if (!statement.IsNewTable(name))
            {
                yield return LintHit.At(sql.First, $"TRUNCATE {name} deletes every row.");
            }
        }
    }
}
