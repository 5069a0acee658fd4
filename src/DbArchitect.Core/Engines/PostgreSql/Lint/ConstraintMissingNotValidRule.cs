using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

/// <summary>
/// CHECK and FOREIGN KEY constraints are validated by a full scan under a lock that blocks writes, unless added NOT VALID;
/// and VALIDATE in the same transaction as the NOT VALID add keeps the ADD's ACCESS EXCLUSIVE lock through the scan.
/// </summary>
internal sealed class ConstraintMissingNotValidRule : PostgreSqlLintRule
{
    public override string Id => "constraint-missing-not-valid";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "ADD CONSTRAINT (CHECK, FOREIGN KEY, UNIQUE, PRIMARY KEY, EXCLUDE) without NOT VALID or USING INDEX scans the table under a lock that blocks writes; VALIDATE in the same transaction as the NOT VALID add keeps the ACCESS EXCLUSIVE lock.";

    public override string Fix => "ALTER TABLE t ADD CONSTRAINT c CHECK (…) NOT VALID; commit; then ALTER TABLE t VALIDATE CONSTRAINT c; in its own transaction (it takes only SHARE UPDATE EXCLUSIVE).";

    public override IEnumerable<LintHit> Check(PostgreSqlLintContext context)
    {
        // Constraints added NOT VALID in the currently open transaction block (cleared when it ends).
        var notValidInTransaction = new HashSet<string>(StringComparer.Ordinal);
        foreach (var statement in context.Statements)
        {
            if (statement.Control == TransactionControl.End || statement.Depth == 0)
            {
                notValidInTransaction.Clear();
            }

            if (!statement.AltersExistingTable)
            {
                continue;
            }

            foreach (var action in statement.AlterTable!.Actions)
            {
                if (action.AddedConstraint is { } constraint)
                {
                    if (constraint.NotValid && statement.InTransaction)
                    {
                        notValidInTransaction.Add(constraint.Name);
                    }
                    else if (constraint.IsExclude)
                    {
                        yield return LintHit.At(action.First, $"ADD CONSTRAINT {constraint.Name} EXCLUDE builds its index on {statement.AlterTable.QualifiedTable} under ACCESS EXCLUSIVE, and EXCLUDE accepts neither NOT VALID nor USING INDEX.",
                            "Create exclusion constraints together with the table, or enforce the rule with a trigger until a maintenance window.");
                    }
                    else if (!constraint.NotValid && !constraint.UsingIndex)
                    {
                        yield return LintHit.At(action.First, $"ADD CONSTRAINT {constraint.Name} ({constraint.KindToken.Text}) validates every row of {statement.AlterTable.QualifiedTable} while blocking writes.");
                    }
                }
                else if (action.StartsWith("VALIDATE", "CONSTRAINT") && statement.InTransaction
                         && notValidInTransaction.Contains(action.TokenAt(action.Start + 2).Name))
                {
                    yield return LintHit.At(action.First, $"VALIDATE CONSTRAINT {action.TokenAt(action.Start + 2).Text} runs in the transaction that added it NOT VALID, so the ACCESS EXCLUSIVE lock of the ADD is held through the scan.",
                        "COMMIT after the NOT VALID add and validate in a separate transaction.");
                }
            }
        }
    }
}
