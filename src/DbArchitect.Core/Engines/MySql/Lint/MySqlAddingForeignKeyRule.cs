using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.MySql.Lint;

internal sealed class MySqlAddingForeignKeyRule : MySqlLintRule
{
    public override string Id => "adding-foreign-key-constraint";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "ADD FOREIGN KEY with foreign_key_checks on forces ALGORITHM=COPY: the table is copied while writes wait, and the parent table is locked too.";

    public override string Fix => "SET foreign_key_checks = 0; ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (c) REFERENCES p (id), ALGORITHM=INPLACE, LOCK=NONE; SET foreign_key_checks = 1; then check orphans with a query, since existing rows are not validated.";

    public override IEnumerable<(MySqlLintStatement Statement, LintHit Hit)> Check(MySqlLintContext context)
    {
        var checksOff = false;
        foreach (var statement in context.Statements)
        {
            var sql = statement.Sql;
            if (sql.StartsWith("SET") && sql.Tokens.Any(t => t.Is("foreign_key_checks")))
            {
                checksOff = sql.Tokens[^1].Text is "0" || sql.Tokens[^1].Is("OFF");
            }

            if (!statement.AltersExistingTable || checksOff)
            {
                continue;
            }

            foreach (var clause in statement.Clauses.Where(c => statement.ClauseStartsWith(c, "ADD") && sql.Find(c.Start, c.End, "FOREIGN", "KEY") >= 0))
            {
                yield return (statement, LintHit.At(sql.Tokens[clause.Start], $"ADD FOREIGN KEY on {statement.AlteredTable} copies the table while foreign_key_checks is on."));
            }
        }
    }
}
