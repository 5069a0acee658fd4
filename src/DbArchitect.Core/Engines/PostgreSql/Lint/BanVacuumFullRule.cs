using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class BanVacuumFullRule : PostgreSqlLintRule
{
    public override string Id => "ban-vacuum-full";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "VACUUM FULL rewrites the table under ACCESS EXCLUSIVE: no reads or writes until it finishes, and it needs the table's size again in free disk.";

    public override string Fix => "Use pg_repack (or pg_squeeze) to compact online; plain VACUUM reclaims space for reuse without locking.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        var sql = statement.Sql;
        if (sql.StartsWith("VACUUM") && sql.Find("FULL") is var full and >= 0 && !sql.Matches(full + 1, "FALSE") && !sql.Matches(full + 1, "OFF"))
        {
            yield return LintHit.At(sql.First, "VACUUM FULL holds ACCESS EXCLUSIVE while it rewrites the table.");
        }
    }
}
