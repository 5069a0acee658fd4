using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

internal sealed class DisallowedUniqueConstraintRule : PostgreSqlLintRule
{
    public override string Id => "disallowed-unique-constraint";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "ADD UNIQUE builds its index while holding ACCESS EXCLUSIVE: no reads or writes for the whole build.";

    public override string Fix => "CREATE UNIQUE INDEX CONCURRENTLY t_c_key ON t (c); then ALTER TABLE t ADD CONSTRAINT t_c_key UNIQUE USING INDEX t_c_key;";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        if (!statement.AltersExistingTable)
        {
            yield break;
        }

        foreach (var action in statement.AlterTable!.Actions)
        {
            if (action.AddedConstraint is { IsUnique: true, UsingIndex: false } unique)
            {
                yield return LintHit.At(unique.KindToken, $"ADD UNIQUE builds an index on {statement.AlterTable.QualifiedTable} under ACCESS EXCLUSIVE.");
            }
            else if (action.AddedColumn is { } column && column.Unique >= 0)
            {
                yield return LintHit.At(column.Sql.Tokens[column.Unique], $"ADD COLUMN {column.NameToken.Text} … UNIQUE builds an index under ACCESS EXCLUSIVE.");
            }
        }
    }
}
