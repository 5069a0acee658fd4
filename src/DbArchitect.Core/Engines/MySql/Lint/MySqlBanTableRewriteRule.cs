using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.MySql.Lint;

internal sealed class MySqlBanTableRewriteRule : MySqlLintRule
{
    public override string Id => "ban-table-rewrite";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "OPTIMIZE TABLE, ALTER TABLE … FORCE / ENGINE= / CONVERT TO CHARACTER SET rebuild the whole table; CONVERT copies it under a write lock.";

    public override string Fix => "Rebuild online with gh-ost or pt-online-schema-change, or run the rebuild in a maintenance window; for a charset change convert column by column with ALGORITHM=INPLACE where possible.";

    protected override IEnumerable<LintHit> Check(MySqlLintStatement statement)
    {
        var sql = statement.Sql;
        if (sql.StartsWith("OPTIMIZE"))
        {
            yield return LintHit.At(sql.First, "OPTIMIZE TABLE rebuilds the table.");
            yield break;
        }

        if (!statement.AltersExistingTable)
        {
            yield break;
        }

        foreach (var clause in statement.Clauses.Where(c => statement.ClauseStartsWith(c, "FORCE") || statement.ClauseStartsWith(c, "ENGINE") || statement.ClauseStartsWith(c, "CONVERT", "TO")))
        {
            yield return LintHit.At(sql.Tokens[clause.Start], $"{sql.Tokens[clause.Start].Text.ToUpperInvariant()} rebuilds {statement.AlteredTable}.");
        }
    }
}
