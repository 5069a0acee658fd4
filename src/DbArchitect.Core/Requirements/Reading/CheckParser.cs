using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DbArchitect.Core.Requirements.Reading;

/// <summary>
/// Parses an attribute's <c>check</c>: conditions joined by <c>and</c>, each a comparison, a range, a list, a length
/// condition or a regular expression, with every value validated against the column type.
/// </summary>
internal static class CheckParser
{
    public const string Forms =
        "Write conditions joined by 'and', each one of: >= v, > v, <= v, < v, = v, <> v (or != v), between a and b, "
        + "in (a, b, 'c d'), length >= n (any comparison), length between a and b, matches 'regex'. "
        + "Example: check: \">= 0 and <= 100\".";

    private enum TokenKind { Word, Quoted, Operator, Open, Close, Comma }

    private readonly record struct Token(TokenKind Kind, string Text)
    {
        public bool Is(string keyword) => Kind == TokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

        public bool IsValue => Kind is TokenKind.Word or TokenKind.Quoted;

        public override string ToString() => Kind == TokenKind.Quoted ? $"'{Text}'" : Text;
    }

    public static CheckSpec? Parse(string text, LogicalType type, out ReadProblem? problem)
    {
        problem = null;
        if (type.Kind is LogicalTypeKind.Bool or LogicalTypeKind.Json or LogicalTypeKind.Binary or LogicalTypeKind.Array)
        {
            problem = Invalid($"A check cannot be applied to a {type} column.",
                type.Kind == LogicalTypeKind.Bool ? "Remove the check; a bool column only holds true or false." : "Remove the check, or change the type.");
            return null;
        }

        var tokens = Tokenize(text, out var error);
        if (tokens is null)
        {
            problem = Invalid($"The check '{text}' cannot be read: {error}.", Forms);
            return null;
        }

        if (tokens.Count == 0)
        {
            problem = Invalid("The check is empty.", Forms);
            return null;
        }

        var conditions = new List<CheckCondition>();
        var position = 0;
        while (true)
        {
            var condition = ParseCondition(tokens, ref position, type, out error);
            if (condition is null)
            {
                problem = Invalid($"The check '{text}' is not valid for a {type} column: {error}.", Forms);
                return null;
            }

            conditions.Add(condition);
            if (position == tokens.Count)
            {
                return new CheckSpec(text, conditions);
            }

            if (!tokens[position].Is("and"))
            {
                problem = Invalid($"The check '{text}' is not valid: expected 'and' before {tokens[position]}.", Forms);
                return null;
            }

            position++;
        }
    }

    private static CheckCondition? ParseCondition(List<Token> tokens, ref int position, LogicalType type, out string? error)
    {
        error = null;
        if (position >= tokens.Count)
        {
            error = "a condition is missing at the end";
            return null;
        }

        var first = tokens[position];
        if (first.Is("length"))
        {
            if (!type.IsTextual)
            {
                error = "'length' applies only to textual columns";
                return null;
            }

            position++;
            return ParseComparisonOrRange(tokens, ref position, type, onLength: true, out error);
        }

        if (first.Is("in"))
        {
            position++;
            return ParseIn(tokens, ref position, type, out error);
        }

        if (first.Is("matches"))
        {
            position++;
            if (!type.IsTextual)
            {
                error = "'matches' applies only to textual columns";
                return null;
            }

            if (position >= tokens.Count || tokens[position].Kind != TokenKind.Quoted)
            {
                error = "'matches' needs a regular expression in quotes, e.g. matches '^[A-Z]{2}$'";
                return null;
            }

            var pattern = tokens[position++].Text;
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                error = $"the regular expression '{pattern}' is invalid ({ex.Message})";
                return null;
            }

            return new CheckCondition(CheckOperator.Matches, new[] { pattern }, false);
        }

        return ParseComparisonOrRange(tokens, ref position, type, onLength: false, out error);
    }

    private static CheckCondition? ParseComparisonOrRange(List<Token> tokens, ref int position, LogicalType type, bool onLength, out string? error)
    {
        error = null;
        if (position >= tokens.Count)
        {
            error = "a comparison is missing";
            return null;
        }

        var token = tokens[position];
        if (token.Is("between"))
        {
            position++;
            var low = ParseValue(tokens, ref position, type, onLength, out error);
            if (low is null)
            {
                return null;
            }

            if (position >= tokens.Count || !tokens[position].Is("and"))
            {
                error = "'between' needs 'and', as in between 1 and 10";
                return null;
            }

            position++;
            var high = ParseValue(tokens, ref position, type, onLength, out error);
            if (high is null)
            {
                return null;
            }

            if ((onLength || type.IsNumeric) && LiteralRules.NumericValue(low) > LiteralRules.NumericValue(high))
            {
                error = $"between {low} and {high} has its low bound above its high bound";
                return null;
            }

            return new CheckCondition(CheckOperator.Between, new[] { low, high }, onLength);
        }

        if (token.Kind != TokenKind.Operator)
        {
            error = $"expected a comparison (>=, >, <=, <, =, <>), between, in, length or matches, not {token}";
            return null;
        }

        position++;
        var op = token.Text switch
        {
            ">=" => CheckOperator.GreaterOrEqual,
            ">" => CheckOperator.Greater,
            "<=" => CheckOperator.LessOrEqual,
            "<" => CheckOperator.Less,
            "=" => CheckOperator.Equal,
            _ => CheckOperator.NotEqual,
        };
        var value = ParseValue(tokens, ref position, type, onLength, out error);
        return value is null ? null : new CheckCondition(op, new[] { value }, onLength);
    }

    private static CheckCondition? ParseIn(List<Token> tokens, ref int position, LogicalType type, out string? error)
    {
        error = null;
        if (position >= tokens.Count || tokens[position].Kind != TokenKind.Open)
        {
            error = "'in' needs a list in parentheses, e.g. in (1, 2, 3)";
            return null;
        }

        position++;
        var values = new List<string>();
        while (true)
        {
            var value = ParseValue(tokens, ref position, type, onLength: false, out error);
            if (value is null)
            {
                return null;
            }

            values.Add(value);
            if (position < tokens.Count && tokens[position].Kind == TokenKind.Comma)
            {
                position++;
                continue;
            }

            if (position < tokens.Count && tokens[position].Kind == TokenKind.Close)
            {
                position++;
                return new CheckCondition(CheckOperator.In, values, false);
            }

            error = "the list after 'in' must be values separated by commas and closed with ')'";
            return null;
        }
    }

    private static string? ParseValue(List<Token> tokens, ref int position, LogicalType type, bool onLength, out string? error)
    {
        error = null;
        if (position >= tokens.Count || !tokens[position].IsValue)
        {
            error = position >= tokens.Count ? "a value is missing at the end" : $"expected a value, not {tokens[position]}";
            return null;
        }

        var token = tokens[position++];
        if (onLength)
        {
            if (token.Kind == TokenKind.Word && int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                return length.ToString(CultureInfo.InvariantCulture);
            }

            error = $"a length must be a whole number of 0 or more, not {token}";
            return null;
        }

        if (type.IsTextual && type.Kind != LogicalTypeKind.Enum)
        {
            return token.Text;
        }

        if (LiteralRules.Check(type, token.Text, out var normalized) is { } reason)
        {
            error = reason + $"; a {type} check compares with {LiteralRules.Shape(type)}";
            return null;
        }

        return normalized;
    }

    private static List<Token>? Tokenize(string text, out string? error)
    {
        error = null;
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(new Token(c == '(' ? TokenKind.Open : c == ')' ? TokenKind.Close : TokenKind.Comma, c.ToString()));
                i++;
            }
            else if (c is '\'' or '"')
            {
                var value = new StringBuilder();
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    if (text[i] == c)
                    {
                        if (i + 1 < text.Length && text[i + 1] == c)
                        {
                            value.Append(c);
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    value.Append(text[i++]);
                }

                if (!closed)
                {
                    error = "a quoted value is not closed";
                    return null;
                }

                tokens.Add(new Token(TokenKind.Quoted, value.ToString()));
            }
            else if (c is '<' or '>' or '=' or '!')
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : string.Empty;
                if (two is ">=" or "<=" or "<>" or "!=")
                {
                    tokens.Add(new Token(TokenKind.Operator, two == "!=" ? "<>" : two));
                    i += 2;
                }
                else if (c == '!')
                {
                    error = "'!' must be followed by '=' (use != or <>)";
                    return null;
                }
                else
                {
                    tokens.Add(new Token(TokenKind.Operator, c.ToString()));
                    i++;
                }
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or ',' or '\'' or '"' or '<' or '>' or '=' or '!'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Word, text[start..i]));
            }
        }

        return tokens;
    }

    private static ReadProblem Invalid(string message, string fix) => new(ErrorIds.InvalidCheck, message, fix);
}
