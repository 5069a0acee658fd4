using System.Text;

namespace DbArchitect.Core.Lint;

/// <summary>
/// Splits SQL text into tokens that know their line and column. Strings, quoted identifiers, dollar-quoted bodies and
/// comments are single tokens, so a semicolon or keyword inside them never ends or starts a statement.
/// Unterminated strings or comments run to the end of the text (the engine would reject them; the linter still reports).
/// </summary>
public sealed class SqlTokenizer
{
    private readonly string _text;
    private readonly SqlLexOptions _options;
    private readonly List<SqlToken> _tokens = new();
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private string _delimiter = ";";

    private SqlTokenizer(string text, SqlLexOptions options)
    {
        _text = text;
        _options = options;
    }

    public static IReadOnlyList<SqlToken> Tokenize(string text, SqlLexOptions options)
    {
        var tokenizer = new SqlTokenizer(text, options);
        tokenizer.Run();
        return tokenizer._tokens;
    }

    private char Peek(int ahead = 0) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private void Run()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n')
            {
                Advance(1);
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                _pos++;
                continue;
            }

            if (AtLineStart() && TryLineCommand())
            {
                continue;
            }

            if (AtDelimiter(_pos))
            {
                Emit(SqlTokenKind.Terminator, _delimiter.Length);
                continue;
            }

            if (c == '-' && Peek(1) == '-')
            {
                EmitUntilLineEnd();
            }
            else if (c == '#' && _options.HashComments)
            {
                EmitUntilLineEnd();
            }
            else if (c == '/' && Peek(1) == '*')
            {
                EmitBlockComment();
            }
            else if (c == '\'' || (c == '"' && _options.DoubleQuoteStrings))
            {
                EmitQuoted(SqlTokenKind.String, c, c, _options.BackslashEscapes);
            }
            else if ((c == 'E' || c == 'e' || c == 'N' || c == 'n' || c == 'B' || c == 'b' || c == 'X' || c == 'x') && Peek(1) == '\'')
            {
                EmitPrefixedString();
            }
            else if (c == '"')
            {
                EmitQuoted(SqlTokenKind.QuotedIdentifier, '"', '"', false);
            }
            else if (c == '`' && _options.BacktickIdentifiers)
            {
                EmitQuoted(SqlTokenKind.QuotedIdentifier, '`', '`', false);
            }
            else if (c == '[' && _options.BracketIdentifiers)
            {
                EmitQuoted(SqlTokenKind.QuotedIdentifier, '[', ']', false);
            }
            else if (c == '$' && _options.DollarQuotes && TryDollarQuote())
            {
                // emitted
            }
            else if (c == '$' && char.IsDigit(Peek(1)))
            {
                EmitWhile(SqlTokenKind.Parameter, 1, char.IsDigit);
            }
            else if (char.IsDigit(c) || (c == '.' && char.IsDigit(Peek(1))))
            {
                EmitWhile(SqlTokenKind.Number, 0, ch => char.IsLetterOrDigit(ch) || ch == '.');
            }
            else if (char.IsLetter(c) || c == '_' || c == '@' || c == '#' || c > 127)
            {
                EmitWhile(SqlTokenKind.Word, 1, ch => char.IsLetterOrDigit(ch) || ch == '_' || ch == '$' || ch == '@' || ch == '#' || ch > 127);
            }
            else if (c == ';' && _delimiter == ";")
            {
                Emit(SqlTokenKind.Terminator, 1);
            }
            else
            {
                Emit(SqlTokenKind.Symbol, IsTwoCharSymbol(c, Peek(1)) ? 2 : 1);
            }
        }
    }

    /// <summary>A custom DELIMITER ends the statement even when glued to a word (END$$).</summary>
    private bool AtDelimiter(int at) => _delimiter != ";" && string.CompareOrdinal(_text, at, _delimiter, 0, _delimiter.Length) == 0;

    private static bool IsTwoCharSymbol(char a, char b) =>
        (a == ':' && b == ':') || (a == '<' && (b == '=' || b == '>')) || (a == '>' && b == '=') || (a == '!' && b == '=') || (a == '|' && b == '|');

    private bool AtLineStart()
    {
        for (var i = _lineStart; i < _pos; i++)
        {
            if (!char.IsWhiteSpace(_text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Client commands that own a whole line: MySQL's DELIMITER and SQL Server's GO.</summary>
    private bool TryLineCommand()
    {
        var end = _text.IndexOf('\n', _pos);
        if (end < 0)
        {
            end = _text.Length;
        }

        var line = _text[_pos..end].Trim();
        if (_options.DelimiterCommand && line.StartsWith("DELIMITER ", StringComparison.OrdinalIgnoreCase))
        {
            var delimiter = line["DELIMITER ".Length..].Trim();
            if (delimiter.Length > 0)
            {
                _delimiter = delimiter;
                _pos = end;
                return true;
            }
        }

        if (_options.GoSeparator && (line.Equals("GO", StringComparison.OrdinalIgnoreCase) ||
            (line.StartsWith("GO ", StringComparison.OrdinalIgnoreCase) && line[3..].Trim().All(char.IsDigit))))
        {
            var column = _pos - _lineStart + 1;
            _tokens.Add(new SqlToken(SqlTokenKind.Terminator, "GO", _line, column, _pos));
            _pos = end;
            return true;
        }

        return false;
    }

    private void Emit(SqlTokenKind kind, int length)
    {
        var start = _pos;
        var line = _line;
        var column = start - _lineStart + 1;
        Advance(length);
        _tokens.Add(new SqlToken(kind, _text.Substring(start, Math.Min(length, _text.Length - start)), line, column, start));
    }

    /// <summary>Moves forward, counting the lines crossed so later tokens know where they are.</summary>
    private void Advance(int length)
    {
        var end = Math.Min(_pos + length, _text.Length);
        for (var i = _pos; i < end; i++)
        {
            if (_text[i] == '\n')
            {
                _line++;
                _lineStart = i + 1;
            }
        }

        _pos = end;
    }

    private void EmitWhile(SqlTokenKind kind, int skip, Func<char, bool> part)
    {
        var end = _pos + skip;
        while (end < _text.Length && part(_text[end]) && !AtDelimiter(end))
        {
            end++;
        }

        Emit(kind, end - _pos);
    }

    private void EmitUntilLineEnd()
    {
        var end = _text.IndexOf('\n', _pos);
        Emit(SqlTokenKind.Comment, (end < 0 ? _text.Length : end) - _pos);
    }

    private void EmitBlockComment()
    {
        var depth = 0;
        var i = _pos;
        while (i < _text.Length)
        {
            if (_text[i] == '/' && i + 1 < _text.Length && _text[i + 1] == '*' && (depth == 0 || _options.NestedBlockComments))
            {
                depth++;
                i += 2;
            }
            else if (_text[i] == '*' && i + 1 < _text.Length && _text[i + 1] == '/')
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    break;
                }
            }
            else
            {
                i++;
            }
        }

        Emit(SqlTokenKind.Comment, i - _pos);
    }

    private void EmitQuoted(SqlTokenKind kind, char open, char close, bool backslash)
    {
        Emit(kind, QuotedLength(_pos, open, close, backslash));
    }

    private int QuotedLength(int start, char open, char close, bool backslash)
    {
        _ = open;
        var i = start + 1;
        while (i < _text.Length)
        {
            if (backslash && _text[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (_text[i] == close)
            {
                if (i + 1 < _text.Length && _text[i + 1] == close)
                {
                    i += 2;
                    continue;
                }

                return i + 1 - start;
            }

            i++;
        }

        return _text.Length - start;
    }

    private void EmitPrefixedString()
    {
        var escapes = _options.BackslashEscapes || _text[_pos] is 'E' or 'e';
        Emit(SqlTokenKind.String, 1 + QuotedLength(_pos + 1, '\'', '\'', escapes));
    }

    /// <summary>$$ … $$ or $tag$ … $tag$: a function body or literal; nothing inside it is SQL of this script.</summary>
    private bool TryDollarQuote()
    {
        var i = _pos + 1;
        var tag = new StringBuilder("$");
        while (i < _text.Length && (char.IsLetterOrDigit(_text[i]) || _text[i] == '_'))
        {
            tag.Append(_text[i]);
            i++;
        }

        if (i >= _text.Length || _text[i] != '$' || (tag.Length > 1 && char.IsDigit(tag[1])))
        {
            return false;
        }

        tag.Append('$');
        var opener = tag.ToString();
        var close = _text.IndexOf(opener, i + 1, StringComparison.Ordinal);
        var end = close < 0 ? _text.Length : close + opener.Length;
        Emit(SqlTokenKind.String, end - _pos);
        return true;
    }
}
