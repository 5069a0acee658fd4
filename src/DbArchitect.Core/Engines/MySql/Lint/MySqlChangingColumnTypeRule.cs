using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.MySql.Lint;

internal sealed class MySqlChangingColumnTypeRule : MySqlLintRule
{
    public override string Id => "changing-column-type";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "MODIFY/CHANGE COLUMN with a new type copies the table (ALGORITHM=COPY): writes are blocked for the whole copy, and the copy needs the table's size in free disk.";

    public override string Fix => "Add a new column, backfill in batches, switch the application, drop the old one; or use gh-ost / pt-online-schema-change. If the change is online-capable, say ALGORITHM=INPLACE, LOCK=NONE so MySQL refuses otherwise.";

    protected override IEnumerable<LintHit> Check(MySqlLintStatement statement)
    {
        if (!statement.AltersExistingTable || statement.DeclaresOnline)
        {
            yield break;
        }

        foreach (var clause in statement.Clauses.Where(c => statement.ClauseStartsWith(c, "MODIFY") || statement.ClauseStartsWith(c, "CHANGE")))
        {
            yield return LintHit.At(statement.Sql.Tokens[clause.Start], $"{statement.Sql.Tokens[clause.Start].Text.ToUpperInvariant()} COLUMN on {statement.AlteredTable} may copy the table under a write lock.");
        }
    }
}
