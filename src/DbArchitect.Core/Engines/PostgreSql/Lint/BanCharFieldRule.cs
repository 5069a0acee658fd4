using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class BanCharFieldRule : PostgreSqlLintRule
{
    public override string Id => "ban-char-field";

    public override string Category => LintCategories.Types;

    public override string Summary => "char(n) pads values with blanks, compares them ignoring trailing blanks and is no faster than text: almost always a mistake.";

    public override string Fix => "Use text (or varchar) with a CHECK (length(c) = n) if the length matters.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement) =>
        PostgreSqlLintSyntax.DeclaredTypes(statement).Where(t => t.IsChar)
            .Select(t => LintHit.At(t.At, $"Column type {t.At.Text} is blank-padded char(n)."));
}
