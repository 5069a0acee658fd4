using DbArchitect.Core.Lint;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Engines.SqlServer.Lint;

internal sealed class SqlServerBanShrinkRule : SqlServerLintRule
{
    public override string Id => "ban-shrink";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "DBCC SHRINKDATABASE/SHRINKFILE fragments every index, runs for hours with heavy I/O and the file grows back.";

    public override string Fix => "Leave free space in the files; if space must be returned, shrink once by hand in a window and rebuild the indexes afterwards.";

    protected override IEnumerable<LintHit> Check(SqlServerLintStatement statement, SqlServerLintContext context)
    {
        if (statement.Fragment is DbccStatement { Command: DbccCommand.ShrinkDatabase or DbccCommand.ShrinkFile } dbcc)
        {
            yield return At(dbcc, $"DBCC {dbcc.Command.ToString().ToUpperInvariant()}.");
        }
    }
}
