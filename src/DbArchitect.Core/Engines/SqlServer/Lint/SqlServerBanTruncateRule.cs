using DbArchitect.Core.Lint;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Engines.SqlServer.Lint;

internal sealed class SqlServerBanTruncateRule : SqlServerLintRule
{
    public override string Id => "ban-truncate";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Category => LintCategories.DataLoss;

    public override string Summary => "TRUNCATE TABLE deletes every row under Sch-M.";

    public override string Fix => "Delete in batches with a WHERE, or switch the data out to an archive table (ALTER TABLE … SWITCH) and keep it until no longer needed.";

    protected override IEnumerable<LintHit> Check(SqlServerLintStatement statement, SqlServerLintContext context)
    {
        if (statement.Fragment is TruncateTableStatement truncate && !statement.IsNew(truncate.TableName))
        {
            yield return At(truncate, $"TRUNCATE TABLE {truncate.TableName.BaseIdentifier.Value} deletes every row.");
        }
    }
}
