using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class PreferBigintOverSmallintRule : PostgreSqlLintRule
{
    public override string Id => "prefer-bigint-over-smallint";

    public override string Category => LintCategories.Types;

    public override string Summary => "smallint (and smallserial) stops at 32,767; widening it later rewrites the table.";

    public override string Fix => "Use bigint (or int with a CHECK when the range is truly bounded).";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement) =>
        PostgreSqlLintSyntax.DeclaredTypes(statement).Where(t => t.IsSmallInt || t.IsSmallSerial)
            .Select(t => LintHit.At(t.At, $"Column type {t.At.Text} is 16-bit: it overflows at 32,767."));
}
