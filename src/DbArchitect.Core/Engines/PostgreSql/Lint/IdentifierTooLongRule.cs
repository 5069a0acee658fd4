using System.Text;
using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class IdentifierTooLongRule : PostgreSqlLintRule
{
    private const int MaxBytes = 63;

    public override string Id => "identifier-too-long";

    public override string Category => LintCategories.Types;

    public override string Summary => "PostgreSQL silently truncates identifiers longer than 63 bytes, so two long names can collide and later migrations name the wrong object.";

    public override string Fix => "Shorten the name to 63 bytes or fewer.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        if (!statement.Sql.StartsWith("CREATE") && !statement.Sql.StartsWith("ALTER"))
        {
            yield break;
        }

        foreach (var token in statement.Sql.Tokens.Where(t => t.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier))
        {
            var bytes = Encoding.UTF8.GetByteCount(token.Name);
            if (bytes > MaxBytes)
            {
                yield return LintHit.At(token, $"Identifier {token.Text} is {bytes} bytes; PostgreSQL keeps the first {MaxBytes}.");
            }
        }
    }
}
