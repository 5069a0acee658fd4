using System.Globalization;
using System.Text;

namespace DbArchitect.Core.Schema;

/// <summary>
/// The meaning of a CHECK condition as one canonical text, so a design's condition and a catalog's print of it compare
/// equal and a changed condition does not. The text is parsed and printed again with: casts dropped (the column's type
/// is compared on its own), parentheses only where the tree needs them, <c>x BETWEEN a AND b</c> as
/// <c>x &gt;= a AND x &lt;= b</c> (PostgreSQL prints it so), <c>x = ANY (ARRAY[…])</c> as <c>x IN (…)</c> with the
/// members sorted, nested ANDs flattened, identifiers unquoted, keywords and function names in lower case, numbers
/// and numeric strings as numbers (<c>'-5'::integer</c> is -5). A text the parser does not understand is compared
/// with its white space and case folded.
/// </summary>
public static class CheckMeaning
{
    /// <summary>
    /// The canonical text of <paramref name="expression"/>; <paramref name="backslashEscapes"/> for MySQL and MariaDB
    /// string literals; <paramref name="literalTypes"/>: the engine's own type names that may stand before a literal
    /// (<c>TYPE 'text'</c>) besides the standard ones.
    /// </summary>
    public static string Of(string expression, bool backslashEscapes = false, IReadOnlyCollection<string>? literalTypes = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return Parse(expression, backslashEscapes, literalTypes) is { } node ? Print(node) : Folded(expression);
    }

    /// <summary>
    /// The column and the members when the condition is a member list (<c>column IN (…)</c>, however spelled), else
    /// null: an enum check, whose removed members are values the rows may hold.
    /// </summary>
    public static (string Column, IReadOnlyList<string> Members)? Members(string expression, bool backslashEscapes = false)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return Parse(expression, backslashEscapes, null) is InList { Negated: false, Subject: Name column } list && list.Items.All(i => i is Text or Number)
            ? (column.Value, list.Items.Select(i => i is Text t ? t.Value : ((Number)i).Value).ToArray())
            : null;
    }

    private static string Folded(string text) =>
        string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static Node? Parse(string expression, bool backslashEscapes, IReadOnlyCollection<string>? literalTypes)
    {
        var tokens = Tokenizer.Read(expression, backslashEscapes);
        if (tokens is null)
        {
            return null;
        }

        var parser = new Parser(tokens, literalTypes);
        var node = parser.Expression();
        // pg_get_constraintdef prints the whole constraint: CHECK (condition).
        return node is not null && parser.AtEnd ? (node is Call { Function: "check", Arguments.Count: 1 } wrapped ? wrapped.Arguments[0] : node) : null;
    }

    // ---- tree -------------------------------------------------------------------------------------------------------

    private abstract record Node;

    private sealed record Name(string Value) : Node;

    private sealed record Text(string Value) : Node;

    private sealed record Number(string Value) : Node;

    private sealed record Word(string Value) : Node;

    private sealed record Call(string Function, IReadOnlyList<Node> Arguments) : Node;

    private sealed record ArrayOf(IReadOnlyList<Node> Items) : Node;

    private sealed record Binary(string Operator, Node Left, Node Right) : Node;

    private sealed record Junction(string Operator, IReadOnlyList<Node> Items) : Node;

    private sealed record Not(Node Operand) : Node;

    private sealed record Negative(Node Operand) : Node;

    private sealed record InList(Node Subject, IReadOnlyList<Node> Items, bool Negated) : Node;

    private sealed record NullTest(Node Subject, bool Negated) : Node;

    private static string Print(Node node) => node switch
    {
        Name n => "\"" + n.Value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
        Text t => "'" + t.Value.Replace("'", "''", StringComparison.Ordinal) + "'",
        Number n => n.Value,
        Word w => w.Value,
        Call c => c.Function + "(" + string.Join(", ", c.Arguments.Select(Print)) + ")",
        ArrayOf a => "array[" + string.Join(", ", a.Items.Select(Print)) + "]",
        Binary b => "(" + Print(b.Left) + " " + b.Operator + " " + Print(b.Right) + ")",
        Junction j => "(" + string.Join(" " + j.Operator + " ", j.Items.Select(Print)) + ")",
        Not n => "(not " + Print(n.Operand) + ")",
        Negative n => "(-" + Print(n.Operand) + ")",
        InList i => "(" + Print(i.Subject) + (i.Negated ? " not in (" : " in (") + string.Join(", ", i.Items.Select(Print).Order(StringComparer.Ordinal)) + "))",
        NullTest t => "(" + Print(t.Subject) + (t.Negated ? " is not null)" : " is null)"),
        _ => throw new InvalidOperationException("Unknown node " + node.GetType().Name),
    };

    // ---- tokens -----------------------------------------------------------------------------------------------------

    private enum TokenKind { Word, QuotedName, Text, Number, Symbol }

    private sealed record Token(TokenKind Kind, string Value)
    {
        public bool Is(string word) => Kind == TokenKind.Word && string.Equals(Value, word, StringComparison.OrdinalIgnoreCase);

        public bool IsSymbol(string symbol) => Kind == TokenKind.Symbol && Value == symbol;
    }

    private static class Tokenizer
    {
        // Longest first, so "<=" is not read as "<" then "=".
        private static readonly string[] Symbols =
            { "::", "<=>", "<>", "!=", ">=", "<=", "!~*", "!~", "~*", "<@", "@>", "||", "&&", "(", ")", "[", "]", ",", ".", "=", "<", ">", "~", "+", "-", "*", "/", "%" };

        public static List<Token>? Read(string text, bool backslashEscapes)
        {
            var tokens = new List<Token>();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (c is '\'' || (c is '_' or 'N' or 'n' or 'E' or 'e' && Introducer(text, i) is > 0))
                {
                    // A charset introducer (_utf8mb4'…'), N'…' or E'…' prefixes a literal of the same value.
                    var escapes = backslashEscapes || c is 'E' or 'e';
                    i += c == '\'' ? 0 : Introducer(text, i);
                    var value = Literal(text, ref i, '\'', escapes);
                    if (value is null)
                    {
                        return null;
                    }

                    tokens.Add(new Token(TokenKind.Text, value));
                }
                else if (c is '"' or '`')
                {
                    var value = Literal(text, ref i, c, escapes: false);
                    if (value is null)
                    {
                        return null;
                    }

                    tokens.Add(new Token(TokenKind.QuotedName, value));
                }
                else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
                {
                    var start = i;
                    while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.' || ((text[i] is 'e' or 'E') && i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] is '+' or '-'))))
                    {
                        i += text[i] is 'e' or 'E' ? 2 : 1;
                    }

                    tokens.Add(new Token(TokenKind.Number, text[start..i]));
                }
                else if (char.IsLetter(c) || c == '_')
                {
                    var start = i;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '$'))
                    {
                        i++;
                    }

                    tokens.Add(new Token(TokenKind.Word, text[start..i]));
                }
                else if (Symbols.FirstOrDefault(s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0) is { } symbol)
                {
                    tokens.Add(new Token(TokenKind.Symbol, symbol));
                    i += symbol.Length;
                }
                else
                {
                    return null;
                }
            }

            return tokens;
        }

        /// <summary>The length of a literal's prefix at <paramref name="i"/> (_charset, N or E directly before a quote), or 0.</summary>
        private static int Introducer(string text, int i)
        {
            var j = i;
            if (text[j] == '_')
            {
                j++;
                while (j < text.Length && char.IsAsciiLetterOrDigit(text[j]))
                {
                    j++;
                }
            }
            else
            {
                j++;
            }

            return j < text.Length && text[j] == '\'' && (i == 0 || !char.IsLetterOrDigit(text[i - 1])) ? j - i : 0;
        }

        /// <summary>A quoted text from <paramref name="i"/>: the quote doubled, or (when <paramref name="escapes"/>) after a backslash, stands for itself.</summary>
        private static string? Literal(string text, ref int i, char quote, bool escapes)
        {
            var value = new StringBuilder();
            i++;
            while (i < text.Length)
            {
                var c = text[i];
                if (escapes && c == '\\' && i + 1 < text.Length)
                {
                    value.Append(text[i + 1] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', var other => other });
                    i += 2;
                }
                else if (c == quote && i + 1 < text.Length && text[i + 1] == quote)
                {
                    value.Append(quote);
                    i += 2;
                }
                else if (c == quote)
                {
                    i++;
                    return value.ToString();
                }
                else
                {
                    value.Append(c);
                    i++;
                }
            }

            return null;
        }
    }

    // ---- parser -----------------------------------------------------------------------------------------------------

    /// <summary>Precedence climbing: OR, AND, NOT, comparisons (IS, IN, BETWEEN, LIKE, patterns), ||, + -, * / %, unary minus, :: casts.</summary>
    private sealed class Parser
    {
        private static readonly HashSet<string> Comparisons = new(StringComparer.Ordinal) { "=", "<>", "!=", "<", "<=", ">", ">=", "<=>", "~", "~*", "!~", "!~*", "<@", "@>" };

        // Words that continue a type name after its first word: character varying, double precision, timestamp with time zone.
        private static readonly HashSet<string> TypeWords = new(StringComparer.OrdinalIgnoreCase) { "varying", "precision", "with", "without", "time", "zone", "unsigned", "signed" };

        // Words that name a type before a literal: DATE '2024-01-01' is the literal itself. An engine adds its own.
        private static readonly HashSet<string> StandardLiteralTypes = new(StringComparer.OrdinalIgnoreCase) { "date", "time", "timestamp", "interval", "uuid", "numeric", "decimal", "integer", "bigint", "text", "boolean", "json" };

        private readonly HashSet<string> _literalTypes;

        private readonly List<Token> _tokens;
        private int _at;

        public Parser(List<Token> tokens, IReadOnlyCollection<string>? literalTypes)
        {
            _tokens = tokens;
            _literalTypes = literalTypes is null or { Count: 0 } ? StandardLiteralTypes : new HashSet<string>(StandardLiteralTypes.Concat(literalTypes), StringComparer.OrdinalIgnoreCase);
        }

        public bool AtEnd => _at == _tokens.Count;

        private Token? Peek(int ahead = 0) => _at + ahead < _tokens.Count ? _tokens[_at + ahead] : null;

        private bool Accept(string word)
        {
            if (Peek() is { } t && (t.Is(word) || t.IsSymbol(word)))
            {
                _at++;
                return true;
            }

            return false;
        }

        public Node? Expression() => Or();

        private Node? Or() => Chain("or", And, null);

        private Node? And() => Chain("and", NotLevel, "&&");

        private Node? Chain(string word, Func<Node?> next, string? symbol)
        {
            var first = next();
            if (first is null)
            {
                return null;
            }

            var items = new List<Node> { first };
            // MySQL also spells OR as || and AND as && (not in ANSI or PostgreSQL mode, where || concatenates).
            while (Accept(word) || (symbol == "&&" && Accept(symbol)))
            {
                var item = next();
                if (item is null)
                {
                    return null;
                }

                items.Add(item);
            }

            return items.Count == 1 ? first : Flatten(word, items);
        }

        private static Junction Flatten(string word, IEnumerable<Node> items) =>
            new(word, items.SelectMany(i => i is Junction j && j.Operator == word ? j.Items : new[] { i }).ToArray());

        private Node? NotLevel() => Accept("not") ? (NotLevel() is { } operand ? new Not(operand) : null) : Comparison();

        private Node? Comparison()
        {
            var left = Concatenation();
            if (left is null)
            {
                return null;
            }

            while (Peek() is { } t)
            {
                if (t.Kind == TokenKind.Symbol && Comparisons.Contains(t.Value))
                {
                    _at++;
                    var op = t.Value == "!=" ? "<>" : t.Value;
                    if (Peek() is { } q && (q.Is("any") || q.Is("some") || q.Is("all")) && Peek(1)?.IsSymbol("(") == true)
                    {
                        _at += 2;
                        var array = Expression();
                        if (array is null || !Accept(")"))
                        {
                            return null;
                        }

                        left = (op, q.Is("all"), array) switch
                        {
                            ("=", false, ArrayOf a) => new InList(left, a.Items, false),
                            ("<>", true, ArrayOf a) => new InList(left, a.Items, true),
                            _ => new Binary(op + " " + (q.Is("all") ? "all" : "any"), left, array),
                        };
                        continue;
                    }

                    var right = Concatenation();
                    if (right is null)
                    {
                        return null;
                    }

                    left = new Binary(op, left, right);
                }
                else if (t.Is("is"))
                {
                    _at++;
                    var negated = Accept("not");
                    if (Accept("null"))
                    {
                        left = new NullTest(left, negated);
                    }
                    else if (Peek() is { } v && (v.Is("true") || v.Is("false")))
                    {
                        _at++;
                        left = new Binary(negated ? "is not" : "is", left, new Word(v.Value.ToLowerInvariant()));
                    }
                    else
                    {
                        return null;
                    }
                }
                else if (t.Is("not") && Peek(1) is { } after && (after.Is("in") || after.Is("between") || after.Is("like") || after.Is("regexp") || after.Is("rlike")))
                {
                    _at++;
                    left = Postfix(left, negated: true);
                    if (left is null)
                    {
                        return null;
                    }
                }
                else if (t.Is("in") || t.Is("between") || t.Is("like") || t.Is("regexp") || t.Is("rlike") || t.Is("similar"))
                {
                    left = Postfix(left, negated: false);
                    if (left is null)
                    {
                        return null;
                    }
                }
                else
                {
                    break;
                }
            }

            return left;
        }

        /// <summary>IN (…), BETWEEN a AND b, LIKE, REGEXP after <paramref name="subject"/>; NOT already read when <paramref name="negated"/>.</summary>
        private Node? Postfix(Node subject, bool negated)
        {
            var word = Peek()!.Value.ToLowerInvariant();
            _at++;
            switch (word)
            {
                case "in":
                    if (!Accept("("))
                    {
                        return null;
                    }

                    var items = List(")");
                    return items is null ? null : new InList(subject, items, negated);
                case "between":
                    var low = Concatenation();
                    if (low is null || !Accept("and"))
                    {
                        return null;
                    }

                    var high = Concatenation();
                    if (high is null)
                    {
                        return null;
                    }

                    return negated
                        ? Flatten("or", new Node[] { new Binary("<", subject, low), new Binary(">", subject, high) })
                        : Flatten("and", new Node[] { new Binary(">=", subject, low), new Binary("<=", subject, high) });
                case "similar":
                    if (!Accept("to"))
                    {
                        return null;
                    }

                    goto default;
                default:
                    var pattern = Concatenation();
                    if (pattern is null)
                    {
                        return null;
                    }

                    var op = word == "rlike" ? "regexp" : word == "similar" ? "similar to" : word;
                    return new Binary(negated ? "not " + op : op, subject, pattern);
            }
        }

        private Node? Concatenation() => Operators(Additive, "||");

        private Node? Additive() => Operators(Multiplicative, "+", "-");

        private Node? Multiplicative() => Operators(Unary, "*", "/", "%");

        private Node? Operators(Func<Node?> next, params string[] symbols)
        {
            var left = next();
            while (left is not null && Peek() is { Kind: TokenKind.Symbol } t && symbols.Contains(t.Value))
            {
                _at++;
                var right = next();
                left = right is null ? null : new Binary(t.Value, left, right);
            }

            return left;
        }

        private Node? Unary()
        {
            if (Accept("-"))
            {
                return Unary() switch
                {
                    Number n => new Number(Canonical("-" + n.Value)),
                    { } other => new Negative(other),
                    null => null,
                };
            }

            if (Accept("+"))
            {
                return Unary();
            }

            return Cast();
        }

        /// <summary>A primary followed by any number of ::type casts and [subscripts]; casts are dropped.</summary>
        private Node? Cast()
        {
            var node = Primary();
            while (node is not null && Accept("::"))
            {
                if (!SkipType())
                {
                    return null;
                }
            }

            return node;
        }

        private bool SkipType()
        {
            if (Peek() is not { Kind: TokenKind.Word or TokenKind.QuotedName })
            {
                return false;
            }

            _at++;
            while (Peek() is { Kind: TokenKind.Word } w && TypeWords.Contains(w.Value))
            {
                _at++;
            }

            if (Peek()?.IsSymbol("(") == true)
            {
                _at++;
                while (Peek() is { } t && !t.IsSymbol(")"))
                {
                    _at++;
                }

                if (!Accept(")"))
                {
                    return false;
                }
            }

            while (Peek()?.IsSymbol("[") == true && Peek(1)?.IsSymbol("]") == true)
            {
                _at += 2;
            }

            return true;
        }

        private Node? Primary()
        {
            var t = Peek();
            if (t is null)
            {
                return null;
            }

            _at++;
            switch (t.Kind)
            {
                case TokenKind.Number:
                    return new Number(Canonical(t.Value));
                case TokenKind.Text:
                    return Numeric(t.Value) is { } number ? new Number(number) : new Text(t.Value);
                case TokenKind.QuotedName:
                    return Qualified(t.Value);
                case TokenKind.Symbol when t.Value == "(":
                    var inner = Expression();
                    return inner is not null && Accept(")") ? inner : null;
                case TokenKind.Word:
                    return WordNode(t);
                default:
                    return null;
            }
        }

        private Node? WordNode(Token t)
        {
            if (t.Is("null") || t.Is("true") || t.Is("false"))
            {
                return new Word(t.Value.ToLowerInvariant());
            }

            if (t.Is("array") && Accept("["))
            {
                var items = List("]");
                return items is null ? null : new ArrayOf(items);
            }

            if (t.Is("cast") && Accept("("))
            {
                var value = Expression();
                return value is not null && Accept("as") && SkipType() && Accept(")") ? value : null;
            }

            if (Peek() is { Kind: TokenKind.Text } literal && _literalTypes.Contains(t.Value))
            {
                _at++;
                return Numeric(literal.Value) is { } number ? new Number(number) : new Text(literal.Value);
            }

            if (Accept("("))
            {
                var arguments = List(")");
                return arguments is null ? null : new Call(t.Value.ToLowerInvariant(), arguments);
            }

            return Qualified(t.Value);
        }

        /// <summary>A column name, the last part of table.column (the catalog qualifies only when it must).</summary>
        private Node Qualified(string first)
        {
            var name = first;
            while (Peek()?.IsSymbol(".") == true && Peek(1) is { Kind: TokenKind.Word or TokenKind.QuotedName } part)
            {
                _at += 2;
                name = part.Value;
            }

            return new Name(name);
        }

        /// <summary>Comma-separated expressions up to <paramref name="close"/> (which is consumed); empty allowed.</summary>
        private List<Node>? List(string close)
        {
            var items = new List<Node>();
            if (Accept(close))
            {
                return items;
            }

            do
            {
                var item = Expression();
                if (item is null)
                {
                    return null;
                }

                items.Add(item);
            }
            while (Accept(","));

            return Accept(close) ? items : null;
        }

        private static string? Numeric(string text) =>
            text.Length > 0 && text.Trim() == text && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? Canonical(text) : null;

        private static string Canonical(string text) =>
            decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value.ToString("G29", CultureInfo.InvariantCulture)
                : text.ToLowerInvariant();
    }
}
