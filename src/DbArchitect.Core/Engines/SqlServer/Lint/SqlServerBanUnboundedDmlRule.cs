using DbArchitect.Core.Lint;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Engines.SqlServer.Lint;

internal sealed class SqlServerBanUnboundedDmlRule : SqlServerLintRule
{
    public override string Id => "ban-unbounded-dml";

    public override string Summary => "UPDATE/DELETE without WHERE on an existing table escalates to a table lock, runs as one transaction and fills the log.";

    public override string Fix => "Update or delete in batches (UPDATE TOP (5000) … WHERE … in a loop, one transaction per batch).";

    protected override IEnumerable<LintHit> Check(SqlServerLintStatement statement, SqlServerLintContext context)
    {
        var (spec, verb) = statement.Fragment switch
        {
            UpdateStatement update => ((UpdateDeleteSpecificationBase?)update.UpdateSpecification, "UPDATE"),
            DeleteStatement delete => (delete.DeleteSpecification, "DELETE"),
            _ => (null, string.Empty),
        };
        if (spec is { WhereClause: null, TopRowFilter: null } && spec.Target is NamedTableReference table && !statement.IsNew(table.SchemaObject))
        {
            yield return At(statement.Fragment, $"{verb} of every row of {table.SchemaObject.BaseIdentifier.Value} in one statement.");
        }
    }
}
