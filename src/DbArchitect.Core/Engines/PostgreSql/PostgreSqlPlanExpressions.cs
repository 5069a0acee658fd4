using System.Text;
using System.Text.RegularExpressions;
using DbArchitect.Core.Indexing;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>A column the server named in a plan: its alias (null when the plan left it unqualified) and name.</summary>
internal sealed record PlanColumn(string? Alias, string Column, KeyFunction Function, string? Argument);

/// <summary>One test the server applies, read from a plan's Filter / Index Cond / Hash Cond text.</summary>
internal sealed record PlanTest(PlanColumn Column, PredicateOperator Operator, string? Constant, bool ConstantIsText, int InListSize, PlanColumn? JoinedTo);

/// <summary>
/// Reads the expressions PostgreSQL prints in EXPLAIN (VERBOSE) output — the server's own deparse, so columns are
/// already resolved to their relation alias — into column tests. Only shapes an index can serve are kept: column
/// [function] op constant|parameter|column, IN lists (= ANY), LIKE (~~), IS [NOT] NULL, containment (@>).
/// </summary>
internal static partial class PostgreSqlPlanExpressions
{
    private static readonly string[] Operators = { "<=", ">=", "<>", "!~~*", "!~~", "~~*", "~~", "@>", "=", "<", ">" };

    public static IReadOnlyList<PlanTest> Tests(string condition)
    {
        var tests = new List<PlanTest>();
        foreach (var conjunct in SplitTopLevel(StripParens(condition), " AND "))
        {
            if (Test(StripParens(conjunct)) is { } test)
            {
                tests.Add(test);
            }
        }

        return tests;
    }

    /// <summary>A plain or function column reference ("o.created_at", "(c.email)::text", "lower((c.email)::text)"), or null.</summary>
    public static PlanColumn? Column(string text)
    {
        var expression = StripCasts(StripParens(text.Trim()));
        var lower = LowerCall().Match(expression);
        if (lower.Success && Column(lower.Groups[1].Value) is { Function: KeyFunction.None } inner)
        {
            return inner with { Function = KeyFunction.Lower };
        }

        var trunc = DateTruncCall().Match(expression);
        if (trunc.Success && Column(trunc.Groups[2].Value) is { Function: KeyFunction.None } truncated)
        {
            return truncated with { Function = KeyFunction.DateTrunc, Argument = trunc.Groups[1].Value };
        }

        var plain = ColumnReference().Match(expression);
        if (!plain.Success)
        {
            return null;
        }

        var alias = plain.Groups[1].Success ? Unquote(plain.Groups[1].Value) : null;
        return new PlanColumn(alias, Unquote(plain.Groups[2].Value), KeyFunction.None, null);
    }

    private static PlanTest? Test(string conjunct)
    {
        if (conjunct.EndsWith(" IS NOT NULL", StringComparison.Ordinal) && Column(conjunct[..^12]) is { } notNull)
        {
            return new PlanTest(notNull, PredicateOperator.IsNotNull, null, false, 0, null);
        }

        if (conjunct.EndsWith(" IS NULL", StringComparison.Ordinal) && Column(conjunct[..^8]) is { } isNull)
        {
            return new PlanTest(isNull, PredicateOperator.IsNull, null, false, 0, null);
        }

        if (conjunct.StartsWith("NOT ", StringComparison.Ordinal) && Column(conjunct[4..]) is { Function: KeyFunction.None } falseFlag)
        {
            return new PlanTest(falseFlag, PredicateOperator.Equality, "false", false, 0, null);
        }

        var (left, op, right) = SplitOperator(conjunct);
        if (op is null)
        {
            return Column(conjunct) is { Function: KeyFunction.None } flag ? new PlanTest(flag, PredicateOperator.Equality, "true", false, 0, null) : null;
        }

        var column = Column(left);
        var swapped = false;
        if (column is null && Column(right) is { } rightColumn)
        {
            (column, right, swapped) = (rightColumn, left, true);
        }

        if (column is null)
        {
            return null;
        }

        if (op == "=" && right.TrimStart().StartsWith("ANY ", StringComparison.Ordinal))
        {
            var list = right.TrimStart()[4..];
            var size = ArrayElements().Match(list) is { Success: true } array ? array.Groups[1].Value.Split(',').Length : 5;
            return new PlanTest(column, PredicateOperator.In, null, false, size, null);
        }

        var other = Column(right);
        var (constant, isText) = Constant(right);
        return op switch
        {
            "=" when other is not null && (other.Alias != column.Alias || other.Alias is null) => new PlanTest(column, PredicateOperator.Equality, null, false, 0, other),
            "=" => new PlanTest(column, PredicateOperator.Equality, constant, isText, 0, null),
            "<" or "<=" or ">" or ">=" when other is null => new PlanTest(column, PredicateOperator.Range, null, false, 0, null),
            "~~" or "~~*" when !swapped => new PlanTest(column, op == "~~" && constant is { } pattern && !pattern.StartsWith('%') && !pattern.StartsWith('_') ? PredicateOperator.PrefixLike : PredicateOperator.InfixLike, null, false, 0, null),
            "@>" when !swapped => new PlanTest(column, PredicateOperator.JsonContains, null, false, 0, null),
            _ => null,
        };
    }

    /// <summary>A literal's value ('pending'::text → pending, 42 → 42) or (null, false) for parameters and expressions.</summary>
    private static (string? Value, bool IsText) Constant(string text)
    {
        var value = StripParens(text.Trim());
        var quoted = QuotedLiteral().Match(value);
        if (quoted.Success)
        {
            return (quoted.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal), !NumericCast().IsMatch(quoted.Groups[2].Value));
        }

        return NumberLiteral().IsMatch(value) ? (value, false) : (null, false);
    }

    private static (string Left, string? Op, string Right) SplitOperator(string text)
    {
        var depth = 0;
        var inQuote = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'' || c == '"')
            {
                inQuote = !inQuote;
            }

            if (inQuote)
            {
                continue;
            }

            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth != 0 || c != ' ')
            {
                continue;
            }

            foreach (var op in Operators)
            {
                if (string.CompareOrdinal(text, i + 1, op, 0, op.Length) == 0 && i + 1 + op.Length < text.Length && text[i + 1 + op.Length] == ' ')
                {
                    return (text[..i], op, text[(i + op.Length + 2)..]);
                }
            }
        }

        return (text, null, string.Empty);
    }

    public static IReadOnlyList<string> SplitTopLevel(string text, string separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var inQuote = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                inQuote = !inQuote;
            }

            if (inQuote)
            {
                continue;
            }

            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && string.CompareOrdinal(text, i, separator, 0, separator.Length) == 0)
            {
                parts.Add(text[start..i]);
                start = i + separator.Length;
                i += separator.Length - 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    /// <summary>Removes parentheses that wrap the whole text: "((a = 1))" → "a = 1".</summary>
    public static string StripParens(string text)
    {
        var t = text.Trim();
        while (t.Length >= 2 && t[0] == '(' && t[^1] == ')' && Closes(t))
        {
            t = t[1..^1].Trim();
        }

        return t;
    }

    private static bool Closes(string t)
    {
        var depth = 0;
        var inQuote = false;
        for (var i = 0; i < t.Length; i++)
        {
            if (t[i] == '\'')
            {
                inQuote = !inQuote;
            }

            if (inQuote)
            {
                continue;
            }

            depth += t[i] == '(' ? 1 : t[i] == ')' ? -1 : 0;
            if (depth == 0 && i < t.Length - 1)
            {
                return false;
            }
        }

        return true;
    }

    private static string StripCasts(string text)
    {
        var t = text;
        while (TrailingCast().Match(t) is { Success: true } cast)
        {
            t = StripParens(t[..cast.Index]);
        }

        return t;
    }

    private static string Unquote(string identifier) =>
        identifier.Length >= 2 && identifier[0] == '"' ? identifier[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : identifier;

    [GeneratedRegex("""^(?:("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)\.)?("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)$""")]
    private static partial Regex ColumnReference();

    [GeneratedRegex("""^lower\((.+)\)$""")]
    private static partial Regex LowerCall();

    [GeneratedRegex("""^date_trunc\('(\w+)'(?:::text)?, (.+)\)$""")]
    private static partial Regex DateTruncCall();

    [GeneratedRegex("""::[A-Za-z_][A-Za-z0-9_ ]*(?:\([0-9, ]+\))?(?:\[\])?$""")]
    private static partial Regex TrailingCast();

    [GeneratedRegex("""^'((?:[^']|'')*)'(?:::(.+))?$""")]
    private static partial Regex QuotedLiteral();

    [GeneratedRegex("""^(?:integer|bigint|smallint|numeric|real|double precision)""")]
    private static partial Regex NumericCast();

    [GeneratedRegex("""^-?[0-9]+(?:\.[0-9]+)?$""")]
    private static partial Regex NumberLiteral();

    [GeneratedRegex("""^\(?'\{([^}]*)\}'""")]
    private static partial Regex ArrayElements();
}
