using DbArchitect.Core.Lint;

namespace DbArchitect.Core.Engines.PostgreSql.Lint;

/// <summary>ADD COLUMN with a volatile default (or a stored generated column) rewrites the whole table under ACCESS EXCLUSIVE.</summary>
internal sealed class AddingFieldWithDefaultRule : PostgreSqlLintRule
{
    /// <summary>Functions PostgreSQL evaluates once per statement (stable or immutable): their default is stored in the catalog, no rewrite.</summary>
    private static readonly HashSet<string> NonVolatile = new(StringComparer.OrdinalIgnoreCase)
    {
        "now", "current_timestamp", "current_date", "current_time", "localtimestamp", "localtime", "transaction_timestamp",
        "statement_timestamp", "current_user", "session_user", "current_schema", "lower", "upper", "coalesce", "array",
        "jsonb_build_object", "json_build_object", "to_jsonb", "make_interval", "interval", "true", "false", "null",
    };

    public override string Id => "adding-field-with-default";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "ADD COLUMN with a volatile DEFAULT (random(), gen_random_uuid(), clock_timestamp(), nextval) or GENERATED … STORED / identity / serial rewrites every row while holding ACCESS EXCLUSIVE; before PostgreSQL 11 any default does.";

    public override string Fix => "Add the column without the default, set the default in a separate ALTER, backfill existing rows in batches: ALTER TABLE t ADD COLUMN c uuid; ALTER TABLE t ALTER COLUMN c SET DEFAULT gen_random_uuid(); then UPDATE in batches.";

    protected override IEnumerable<LintHit> Check(PostgreSqlLintStatement statement)
    {
        if (!statement.AltersExistingTable)
        {
            yield break;
        }

        foreach (var action in statement.AlterTable!.Actions)
        {
            if (action.AddedColumn is not { } column)
            {
                continue;
            }

            if (column.GeneratedStored)
            {
                yield return LintHit.At(column.Sql.Tokens[column.Generated], $"Column {column.NameToken.Text} is GENERATED … STORED: PostgreSQL computes it for every existing row and rewrites the table under ACCESS EXCLUSIVE.",
                    "Add a plain nullable column, fill it with a trigger and a batched backfill, or use a view/expression instead of a stored generated column.");
                continue;
            }

            if (column.Identity || column.Type.IsSerial)
            {
                yield return LintHit.At(column.Identity ? column.Sql.Tokens[column.Generated] : column.TypeToken, $"Column {column.NameToken.Text} takes its values from a sequence: PostgreSQL fills every existing row and rewrites the table under ACCESS EXCLUSIVE.",
                    "Add a nullable bigint column, backfill it in batches from a sequence, then attach the sequence as its DEFAULT (or identity) once every row has a value.");
                continue;
            }

            var (start, end) = column.DefaultExpression;
            if (start < 0)
            {
                continue;
            }

            var volatileCall = FirstVolatileCall(column.Sql, start, end);
            if (statement.Context.ServerMajorVersion < 11)
            {
                yield return LintHit.At(column.Sql.Tokens[start], $"Before PostgreSQL 11 any DEFAULT on ADD COLUMN {column.NameToken.Text} rewrites the table under ACCESS EXCLUSIVE.");
            }
            else if (volatileCall is not null)
            {
                yield return LintHit.At(column.Sql.Tokens[start], $"DEFAULT {volatileCall.Text}() is volatile: ADD COLUMN {column.NameToken.Text} evaluates it for every existing row and rewrites the table under ACCESS EXCLUSIVE.");
            }
        }
    }

    /// <summary>A function call in the expression that is not known to be stable (unknown functions count as volatile, as PostgreSQL's default for CREATE FUNCTION is VOLATILE).</summary>
    private static SqlToken? FirstVolatileCall(SqlStatement sql, int start, int end)
    {
        for (var i = start; i + 1 < end; i++)
        {
            var t = sql.Tokens[i];
            if (t.Kind == SqlTokenKind.Word && sql.Tokens[i + 1].IsSymbol("(") && !NonVolatile.Contains(t.Text) && !(i > start && sql.Tokens[i - 1].IsSymbol("::")))
            {
                return t;
            }
        }

        return null;
    }
}
