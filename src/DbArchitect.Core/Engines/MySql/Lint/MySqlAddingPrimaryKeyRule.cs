using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.MySql.Lint;

internal sealed class MySqlAddingPrimaryKeyRule : MySqlLintRule
{
    public override string Id => "adding-primary-key";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "ADD or DROP PRIMARY KEY rebuilds the clustered index, i.e. the whole InnoDB table (DROP without a new key in the same statement copies it under lock).";

    public override string Fix => "Define the primary key when the table is created; on a live table use gh-ost / pt-online-schema-change, or ADD PRIMARY KEY … , ALGORITHM=INPLACE, LOCK=NONE in a quiet period.";

    protected override IEnumerable<LintHit> Check(MySqlLintStatement statement)
    {
        if (!statement.AltersExistingTable)
        {
            yield break;
        }

        foreach (var clause in statement.Clauses.Where(c => statement.Sql.Find(c.Start, c.End, "PRIMARY", "KEY") >= 0 && (statement.ClauseStartsWith(c, "ADD") || statement.ClauseStartsWith(c, "DROP"))))
        {
            yield return LintHit.At(statement.Sql.Tokens[clause.Start], $"Changing the primary key rebuilds {statement.AlteredTable}.");
        }
    }
}
