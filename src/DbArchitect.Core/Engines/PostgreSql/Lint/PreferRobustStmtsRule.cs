using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

/// <summary>
/// Outside a transaction a migration that fails half way leaves half its statements applied; rerunning it then fails on the
/// first one unless every statement is idempotent (IF [NOT] EXISTS).
/// </summary>
internal sealed class PreferRobustStmtsRule : PostgreSqlLintRule
{
    public override string Id => "prefer-robust-stmts";

    public override string Category => LintCategories.Robustness;

    public override string Summary => "Outside a transaction, CREATE TABLE/INDEX, DROP TABLE/INDEX and ALTER TABLE actions without IF [NOT] EXISTS makes a half-applied migration impossible to rerun.";

    public override string Fix => "Use CREATE … IF NOT EXISTS, DROP … IF EXISTS, ADD COLUMN IF NOT EXISTS, and precede ADD CONSTRAINT with DROP CONSTRAINT IF EXISTS; or run the file in one transaction.";

    public override IEnumerable<LintHit> Check(PostgreSqlLintContext context)
    {
        var droppedConstraints = new HashSet<string>(StringComparer.Ordinal);
        foreach (var statement in context.Statements.Where(s => !s.InTransaction))
        {
            var sql = statement.Sql;
            if (statement.AlterTable is { } alter)
            {
                if (statement.IsNewTable(alter.Table, alter.QualifiedTable))
                {
                    continue;
                }

                foreach (var action in alter.Actions)
                {
                    if (action.StartsWith("DROP", "CONSTRAINT", "IF", "EXISTS"))
                    {
                        droppedConstraints.Add(action.TokenAt(action.Start + 4).Name);
                        continue;
                    }

                    if (action.AddedConstraint is { } constraint && droppedConstraints.Contains(constraint.Name))
                    {
                        continue;
                    }

                    if (!action.Contains("IF", "NOT", "EXISTS") && !action.Contains("IF", "EXISTS"))
                    {
                        yield return LintHit.At(action.First, $"{action.First.Text.ToUpperInvariant()} on {alter.QualifiedTable} is not idempotent and runs outside a transaction.");
                    }
                }

                continue;
            }

            var creates = PostgreSqlLintSyntax.CreateTableNameAt(sql) >= 0 || PostgreSqlLintSyntax.IsCreateIndex(sql);
            if (creates && !sql.Contains("IF", "NOT", "EXISTS"))
            {
                yield return LintHit.At(sql.First, "CREATE without IF NOT EXISTS outside a transaction: a rerun fails here.");
            }
            else if ((sql.StartsWith("DROP", "TABLE") || sql.StartsWith("DROP", "INDEX")) && !sql.Contains("IF", "EXISTS"))
            {
                yield return LintHit.At(sql.First, "DROP without IF EXISTS outside a transaction: a rerun fails here.");
            }
        }
    }
}
