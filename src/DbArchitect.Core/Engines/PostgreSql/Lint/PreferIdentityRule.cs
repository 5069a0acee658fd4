using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class PreferIdentityRule : PostgreSqlLintRule
{
    public override string Id => "prefer-identity";

    public override string Category => LintCategories.Types;

    public override string Summary => "serial types create a loosely owned sequence with its own permissions and dump quirks; identity columns are the SQL-standard replacement.";

    public override string Fix => "id bigint GENERATED ALWAYS AS IDENTITY (or BY DEFAULT AS IDENTITY when rows are sometimes inserted with explicit ids).";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement) =>
        PostgreSqlLintSyntax.DeclaredTypes(statement).Where(t => t.IsSerial)
            .Select(t => LintHit.At(t.At, $"Column type {t.At.Text} is a serial type."));
}
