using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.MySql.Lint;

internal sealed class MySqlBanDropTableRule : MySqlLintRule
{
    public override string Id => "ban-drop-table";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Category => LintCategories.DataLoss;

    public override string Summary => "DROP TABLE deletes the data and breaks every application version that still uses the table; on large tables it can also stall the server while the buffer pool is purged.";

    public override string Fix => "RENAME TABLE t TO t_retired first, wait a release, back it up, then drop it in a separate, reviewed migration.";

    protected override IEnumerable<LintHit> Check(MySqlLintStatement statement)
    {
        var sql = statement.Sql;
        if (sql.StartsWith("DROP", "TABLE"))
        {
            var at = sql.Matches(2, "IF", "EXISTS") ? 4 : 2;
            var name = sql.ReadName(at).Name;
            if (!statement.IsNewTable(name))
            {
                yield return LintHit.At(sql.First, $"DROP TABLE {name} deletes its data.");
            }
        }
    }
}
