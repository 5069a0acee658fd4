using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class RequireEnumValueOrderingRule : PostgreSqlLintRule
{
    public override string Id => "require-enum-value-ordering";

    public override string Category => LintCategories.Types;

    public override string Summary => "ALTER TYPE … ADD VALUE without BEFORE/AFTER appends the value, so ORDER BY on the enum follows the order of migrations rather than meaning.";

    public override string Fix => "ALTER TYPE status ADD VALUE IF NOT EXISTS 'refunded' AFTER 'paid';";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        var sql = statement.Sql;
        if (sql.StartsWith("ALTER", "TYPE") && sql.Find("ADD", "VALUE") is var add and >= 0 && !sql.Contains("BEFORE") && !sql.Contains("AFTER"))
        {
            yield return LintHit.At(sql.Tokens[add], "ADD VALUE without BEFORE or AFTER.");
        }
    }
}
