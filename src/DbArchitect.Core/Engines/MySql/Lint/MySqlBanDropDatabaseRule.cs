using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.MySql.Lint;

internal sealed class MySqlBanDropDatabaseRule : MySqlLintRule
{
    public override string Id => "ban-drop-database";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Category => LintCategories.DataLoss;

    public override string Summary => "DROP DATABASE / DROP SCHEMA in a migration deletes everything; it is never a schema change.";

    public override string Fix => "Drop databases by hand, after a backup, outside the migration pipeline.";

    protected override IEnumerable<LintHit> Check(MySqlLintStatement statement)
    {
        if (statement.Sql.StartsWith("DROP", "DATABASE") || statement.Sql.StartsWith("DROP", "SCHEMA"))
        {
            yield return LintHit.At(statement.Sql.First, "DROP DATABASE.");
        }
    }
}
