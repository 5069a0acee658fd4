using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class BanCreateDomainWithConstraintRule : PostgreSqlLintRule
{
    public override string Id => "ban-create-domain-with-constraint";

    public override string Category => LintCategories.Types;

    public override string Summary => "A domain with a CHECK cannot later change its rule without validating every column that uses it under lock; put checks on tables.";

    public override string Fix => "CREATE DOMAIN d AS int; and a CHECK constraint on each table column (ADD CONSTRAINT … NOT VALID, then VALIDATE).";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        var sql = statement.Sql;
        if (sql.StartsWith("CREATE", "DOMAIN") && (sql.Find("CHECK") is var check and >= 0 || (check = sql.Find("CONSTRAINT")) >= 0))
        {
            yield return LintHit.At(sql.Tokens[check], "CREATE DOMAIN with a constraint.");
        }
    }
}
