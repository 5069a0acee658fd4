using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class BanDropTableRule : PostgreSqlLintRule
{
    public override string Id => "ban-drop-table";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Category => LintCategories.DataLoss;

    public override string Summary => "DROP TABLE deletes the data and breaks every application version that still uses the table.";

    public override string Fix => "Rename the table away or revoke access first, wait a release, back it up, then drop it in a separate, reviewed migration.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        var sql = statement.Sql;
        if (!sql.StartsWith("DROP", "TABLE"))
        {
            yield break;
        }

        var at = sql.Matches(2, "IF", "EXISTS") ? 4 : 2;
        foreach (var (start, _) in sql.SplitTopLevel(at, sql.Tokens.Count))
        {
            var (name, qualified, _) = sql.ReadName(start);
            if (!statement.IsNewTable(name, qualified))
            {
                yield return LintHit.At(sql.First, $"DROP TABLE {qualified} deletes its data.");
                yield break;
            }
        }
    }
}
