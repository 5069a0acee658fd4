using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

/// <summary>UPDATE or DELETE of a whole existing table in one statement: one long transaction, row locks on everything, WAL burst, bloat.</summary>
internal sealed class BanUnboundedDmlRule : PostgreSqlLintRule
{
    public override string Id => "ban-unbounded-dml";

    public override string Summary => "UPDATE/DELETE without WHERE on an existing table locks every row in one long transaction, bursts WAL (replica lag) and leaves the table bloated.";

    public override string Fix => "Backfill or purge in committed batches (keyset or ctid ranges, e.g. the playbook's backfill_in_batches), pausing between batches.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        var sql = statement.Sql;
        int at;
        if (sql.StartsWith("UPDATE"))
        {
            at = sql.Matches(1, "ONLY") ? 2 : 1;
        }
        else if (sql.StartsWith("DELETE", "FROM"))
        {
            at = sql.Matches(2, "ONLY") ? 3 : 2;
        }
        else
        {
            yield break;
        }

        var (name, qualified, _) = sql.ReadName(at);
        if (!sql.Contains("WHERE") && !statement.IsNewTable(name, qualified))
        {
            yield return LintHit.At(sql.First, $"{sql.First.Text.ToUpperInvariant()} of every row of {qualified} in one statement.");
        }
    }
}
