using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

/// <summary>ALTER TABLE actions that copy the whole table under ACCESS EXCLUSIVE without changing a column.</summary>
internal sealed class BanTableRewriteRule : PostgreSqlLintRule
{
    public override string Id => "ban-table-rewrite";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "SET TABLESPACE, SET LOGGED/UNLOGGED and SET ACCESS METHOD copy the whole table under ACCESS EXCLUSIVE.";

    public override string Fix => "Move or convert the table online with pg_repack (--tablespace) or logical replication into a new table, then switch.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        if (!statement.AltersExistingTable)
        {
            yield break;
        }

        foreach (var action in statement.AlterTable!.Actions.Where(a => a.StartsWith("SET", "TABLESPACE") || a.StartsWith("SET", "LOGGED") || a.StartsWith("SET", "UNLOGGED") || a.StartsWith("SET", "ACCESS", "METHOD")))
        {
            yield return LintHit.At(action.First, $"This rewrites {statement.AlterTable.QualifiedTable} under ACCESS EXCLUSIVE.");
        }
    }
}
