using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

/// <summary>ADD PRIMARY KEY builds its unique index under ACCESS EXCLUSIVE (and a serial/identity key also rewrites the table).</summary>
internal sealed class AddingSerialPrimaryKeyFieldRule : PostgreSqlLintRule
{
    public override string Id => "adding-serial-primary-key-field";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "ADD PRIMARY KEY on an existing table builds the index while holding ACCESS EXCLUSIVE; a new serial/identity key column also rewrites every row.";

    public override string Fix => "CREATE UNIQUE INDEX CONCURRENTLY t_pkey_idx ON t (id); then ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_pkey_idx;";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        if (!statement.AltersExistingTable)
        {
            yield break;
        }

        foreach (var action in statement.AlterTable!.Actions)
        {
            if (action.AddedConstraint is { IsPrimaryKey: true, UsingIndex: false } pk)
            {
                yield return LintHit.At(pk.KindToken, $"ADD PRIMARY KEY builds its index on {statement.AlterTable.QualifiedTable} under ACCESS EXCLUSIVE.");
            }
            else if (action.AddedColumn is { PrimaryKey: true } column)
            {
                yield return LintHit.At(action.First, $"ADD COLUMN {column.NameToken.Text} … PRIMARY KEY fills every row and builds the key index under ACCESS EXCLUSIVE.");
            }
        }
    }
}
