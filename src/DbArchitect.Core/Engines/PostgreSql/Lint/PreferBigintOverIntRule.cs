using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class PreferBigintOverIntRule : PostgreSqlLintRule
{
    public override string Id => "prefer-bigint-over-int";

    public override string Category => LintCategories.Types;

    public override string Summary => "int (and serial) stops at 2,147,483,647; widening it later rewrites the table and every referencing one.";

    public override string Fix => "Use bigint (bigint GENERATED ALWAYS AS IDENTITY for keys); the 4 extra bytes are cheaper than the migration.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement) =>
        PostgreSqlLintSyntax.DeclaredTypes(statement).Where(t => t.IsInt || t.IsNarrowSerial)
            .Select(t => LintHit.At(t.At, $"Column type {t.At.Text} is 32-bit: it overflows at 2,147,483,647."));
}
