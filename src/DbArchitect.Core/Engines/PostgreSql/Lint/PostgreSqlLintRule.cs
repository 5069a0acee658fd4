using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

/// <summary>The shape of a PostgreSQL rule: most look at one statement at a time, with what the script did before it.</summary>
internal abstract class PostgreSqlLintRule : ILintRule
{
    public abstract string Id { get; }

    public string Engine => "postgresql";

    public virtual LintSeverity Severity => LintSeverity.Warning;

    public virtual string Category => LintCategories.Locking;

    public abstract string Summary { get; }

    public abstract string Fix { get; }

    public virtual IEnumerable<LintHit> Check(PostgreSqlLintContext context) => context.Statements.SelectMany(Check);

    protected virtual IEnumerable<LintHit> Check(PostgreSqlLintStatement statement) => Array.Empty<LintHit>();
}
