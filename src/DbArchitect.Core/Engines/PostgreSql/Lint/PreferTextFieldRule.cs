using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class PreferTextFieldRule : PostgreSqlLintRule
{
    public override string Id => "prefer-text-field";

    public override string Category => LintCategories.Types;

    public override string Summary => "varchar(n) bakes a limit into the type: raising it is cheap, but lowering or changing it takes ACCESS EXCLUSIVE and may rewrite the table.";

    public override string Fix => "Use text with a named CHECK (length(c) <= n): changing the limit is a NOT VALID constraint swap, no rewrite.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement) =>
        PostgreSqlLintSyntax.DeclaredTypes(statement).Where(t => t.IsVarcharWithLength)
            .Select(t => LintHit.At(t.At, $"Column type {t.At.Text}(n) puts a length limit in the type."));
}
