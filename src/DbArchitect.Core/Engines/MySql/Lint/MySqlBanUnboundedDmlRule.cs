using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.MySql.Lint;

internal sealed class MySqlBanUnboundedDmlRule : MySqlLintRule
{
    public override string Id => "ban-unbounded-dml";

    public override string Summary => "UPDATE/DELETE without WHERE on an existing table locks every row in one transaction, grows the undo log and lags replicas.";

    public override string Fix => "Update or delete in primary-key batches (e.g. 1,000 rows per transaction), pausing between batches.";

    protected override IEnumerable<LintHit> Check(MySqlLintStatement statement)
    {
        var sql = statement.Sql;
        int at;
        if (sql.StartsWith("UPDATE"))
        {
            at = 1;
        }
        else if (sql.StartsWith("DELETE", "FROM"))
        {
            at = 2;
        }
        else
        {
            yield break;
        }

        var name = sql.ReadName(at).Name;
        if (!sql.Contains("WHERE") && !statement.IsNewTable(name))
        {
            yield return LintHit.At(sql.First, $"{sql.First.Text.ToUpperInvariant()} of every row of {name} in one statement.");
        }
    }
}
