using DbArchitect.Core.Lint;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Engines.SqlServer.Lint;

internal sealed class SqlServerChangingColumnTypeRule : SqlServerLintRule
{
    public override string Id => "changing-column-type";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "ALTER COLUMN with a type (or NOT NULL) checks or rewrites every row under Sch-M: the table is unavailable for the whole operation.";

    public override string Fix => "Add a new column, fill it in batches, switch the application, drop the old one; or ALTER COLUMN … WITH (ONLINE = ON) on SQL Server 2016+ Enterprise.";

    protected override IEnumerable<LintHit> Check(SqlServerLintStatement statement, SqlServerLintContext context)
    {
        if (statement.Fragment is AlterTableAlterColumnStatement alter && alter.DataType is not null && !statement.IsNew(alter.SchemaObjectName)
            && !alter.Options.OfType<OnlineIndexOption>().Any(o => o.OptionState == OptionState.On))
        {
            yield return At(alter, $"ALTER COLUMN {alter.ColumnIdentifier.Value} on {alter.SchemaObjectName.BaseIdentifier.Value} rewrites or scans it under Sch-M.");
        }
    }
}
