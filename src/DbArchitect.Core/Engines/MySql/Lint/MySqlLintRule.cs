using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.MySql.Lint;

/// <summary>The shape of a MySQL/MariaDB rule: one statement at a time, with what the script did before it.</summary>
internal abstract class MySqlLintRule : ILintRule
{
    public abstract string Id { get; }

    public string Engine => "mysql";

    public virtual LintSeverity Severity => LintSeverity.Warning;

    public virtual string Category => LintCategories.Locking;

    public abstract string Summary { get; }

    public abstract string Fix { get; }

    public virtual IEnumerable<(MySqlLintStatement Statement, LintHit Hit)> Check(MySqlLintContext context) =>
        context.Statements.SelectMany(s => Check(s).Select(h => (s, h)));

    protected virtual IEnumerable<LintHit> Check(MySqlLintStatement statement) => Array.Empty<LintHit>();
}
