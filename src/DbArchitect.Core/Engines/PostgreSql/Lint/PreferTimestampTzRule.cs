using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class PreferTimestampTzRule : PostgreSqlLintRule
{
    public override string Id => "prefer-timestamp-tz";

    public override string Category => LintCategories.Types;

    public override string Summary => "timestamp without time zone drops the UTC offset: 21:11+02 and 21:11-06 are stored as the same value.";

    public override string Fix => "Use timestamptz (timestamp with time zone); it stores an instant and costs the same 8 bytes.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement) =>
        PostgreSqlLintSyntax.DeclaredTypes(statement).Where(t => t.IsTimestampWithoutZone)
            .Select(t => LintHit.At(t.At, "Column type timestamp has no time zone."));
}
