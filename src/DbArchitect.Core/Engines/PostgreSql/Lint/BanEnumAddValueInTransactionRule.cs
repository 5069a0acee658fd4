using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class BanEnumAddValueInTransactionRule : PostgreSqlLintRule
{
    public override string Id => "ban-enum-add-value-in-transaction";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Category => LintCategories.Transactions;

    public override string Summary => "Before PostgreSQL 12, ALTER TYPE … ADD VALUE cannot run in a transaction block; from 12 on, the new value cannot be used until the transaction commits.";

    public override string Fix => "Add enum values in their own migration without BEGIN/COMMIT, and use them in a later one.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        var sql = statement.Sql;
        if (statement.InTransaction && statement.Context.ServerMajorVersion < 12 && sql.StartsWith("ALTER", "TYPE") && sql.Find("ADD", "VALUE") is var add and >= 0)
        {
            yield return LintHit.At(sql.Tokens[add], $"ALTER TYPE … ADD VALUE inside a transaction fails on PostgreSQL {statement.Context.ServerMajorVersion}.");
        }
    }
}
