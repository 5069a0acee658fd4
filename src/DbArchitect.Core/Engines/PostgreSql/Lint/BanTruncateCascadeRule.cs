using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class BanTruncateCascadeRule : PostgreSqlLintRule
{
    public override string Id => "ban-truncate-cascade";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Category => LintCategories.DataLoss;

    public override string Summary => "TRUNCATE … CASCADE also empties every table that references it, recursively: data loss far beyond the named table.";

    public override string Fix => "TRUNCATE the tables you mean by name (RESTRICT is the default and fails if others reference them).";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        var sql = statement.Sql;
        if (sql.StartsWith("TRUNCATE") && sql.Find("CASCADE") is var cascade and >= 0)
        {
            yield return LintHit.At(sql.Tokens[cascade], "TRUNCATE … CASCADE empties every referencing table too.");
        }
    }
}
