using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class BanAlterDomainWithAddConstraintRule : PostgreSqlLintRule
{
    public override string Id => "ban-alter-domain-with-add-constraint";

    public override string Summary => "ALTER DOMAIN … ADD CONSTRAINT checks every column of every table that uses the domain, with locks on all of them.";

    public override string Fix => "Put the CHECK on each table (ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT), or ADD CONSTRAINT … NOT VALID on the domain and VALIDATE later.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        var sql = statement.Sql;
        if (sql.StartsWith("ALTER", "DOMAIN") && sql.Find("ADD") is var add and >= 0 && !sql.Contains("NOT", "VALID"))
        {
            yield return LintHit.At(sql.Tokens[add], "ALTER DOMAIN … ADD CONSTRAINT validates every table column of this domain while locking those tables.");
        }
    }
}
