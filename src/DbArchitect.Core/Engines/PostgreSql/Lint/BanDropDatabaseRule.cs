using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class BanDropDatabaseRule : PostgreSqlLintRule
{
    public override string Id => "ban-drop-database";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Category => LintCategories.DataLoss;

    public override string Summary => "DROP DATABASE in a migration deletes everything; it is never a schema change.";

    public override string Fix => "Drop databases by hand, after a backup, outside the migration pipeline.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        if (statement.Sql.StartsWith("DROP", "DATABASE"))
        {
            yield return LintHit.At(statement.Sql.First, "DROP DATABASE.");
        }
    }
}
