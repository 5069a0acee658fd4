using DbArchitect.Core.Lint;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DbArchitect.Core.Engines.SqlServer.Lint;

/// <summary>The shape of a SQL Server rule: it reads ScriptDom statements, with the tables the script created before each.</summary>
internal abstract class SqlServerLintRule : ILintRule
{
    public abstract string Id { get; }

    public string Engine => "sqlserver";

    public virtual LintSeverity Severity => LintSeverity.Warning;

    public virtual string Category => LintCategories.Locking;

    public abstract string Summary { get; }

    public abstract string Fix { get; }

    public virtual IEnumerable<LintHit> Check(SqlServerLintContext context) =>
        context.Statements.SelectMany(s => Check(s, context));

    protected virtual IEnumerable<LintHit> Check(SqlServerLintStatement statement, SqlServerLintContext context) => Array.Empty<LintHit>();

    protected static LintHit At(TSqlFragment fragment, string message, string? fix = null) => new(fragment.StartLine, fragment.StartColumn, message, fix);
}
