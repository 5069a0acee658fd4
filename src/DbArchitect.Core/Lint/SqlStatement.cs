namespace DbArchitect.Core.Lint;

/// <summary>
/// One statement of a script: its tokens without comments, where it starts and ends, and its text. Helpers read it the
/// way a DBA does: by leading keywords, by keyword sequences, by parenthesised groups.
/// </summary>
public sealed class SqlStatement
{
    public SqlStatement(int index, IReadOnlyList<SqlToken> tokens, string text)
    {
        Index = index;
        Tokens = tokens;
        Text = text;
    }

    /// <summary>0-based position of the statement in its script.</summary>
    public int Index { get; }

    public IReadOnlyList<SqlToken> Tokens { get; }

    public string Text { get; }

    public SqlToken First => Tokens[0];

    public int Line => First.Line;

    public int Column => First.Column;

    public int EndLine => Tokens[^1].Line;

    /// <summary>The first line of the text, for a finding's Statement column.</summary>
    public string Summary
    {
        get
        {
            var newline = Text.IndexOf('\n', StringComparison.Ordinal);
            var line = (newline < 0 ? Text : Text[..newline]).TrimEnd();
            return line.Length > 120 ? line[..117] + "..." : line;
        }
    }

    /// <summary>True when the statement starts with these keywords.</summary>
    public bool StartsWith(params string[] words) => Matches(0, words);

    /// <summary>True when the tokens from <paramref name="at"/> are these keywords.</summary>
    public bool Matches(int at, params string[] words)
    {
        if (at < 0 || at + words.Length > Tokens.Count)
        {
            return false;
        }

        for (var i = 0; i < words.Length; i++)
        {
            if (!Tokens[at + i].Is(words[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Where this keyword sequence first occurs at or after <paramref name="from"/> (and before <paramref name="to"/>), or -1.</summary>
    public int Find(int from, int to, params string[] words)
    {
        for (var i = Math.Max(0, from); i + words.Length <= Math.Min(to, Tokens.Count); i++)
        {
            if (Matches(i, words))
            {
                return i;
            }
        }

        return -1;
    }

    public int Find(params string[] words) => Find(0, Tokens.Count, words);

    public bool Contains(params string[] words) => Find(words) >= 0;

    /// <summary>The index after the parenthesised group that opens at <paramref name="open"/>.</summary>
    public int SkipGroup(int open)
    {
        var depth = 0;
        for (var i = open; i < Tokens.Count; i++)
        {
            if (Tokens[i].IsSymbol("("))
            {
                depth++;
            }
            else if (Tokens[i].IsSymbol(")"))
            {
                depth--;
                if (depth == 0)
                {
                    return i + 1;
                }
            }
        }

        return Tokens.Count;
    }

    /// <summary>Splits [from, to) at commas outside parentheses: the actions of ALTER TABLE, the elements of CREATE TABLE.</summary>
    public IReadOnlyList<(int Start, int End)> SplitTopLevel(int from, int to)
    {
        var parts = new List<(int, int)>();
        var depth = 0;
        var start = from;
        for (var i = from; i < to; i++)
        {
            var t = Tokens[i];
            if (t.IsSymbol("("))
            {
                depth++;
            }
            else if (t.IsSymbol(")"))
            {
                depth--;
            }
            else if (t.IsSymbol(",") && depth == 0)
            {
                parts.Add((start, i));
                start = i + 1;
            }
        }

        if (start < to)
        {
            parts.Add((start, to));
        }

        return parts;
    }

    /// <summary>Reads a possibly qualified name starting at <paramref name="at"/>; returns its last part (folded) and the index after it.</summary>
    public (string Name, string Qualified, int Next) ReadName(int at)
    {
        var parts = new List<string>();
        var i = at;
        while (i < Tokens.Count && Tokens[i].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)
        {
            parts.Add(Tokens[i].Name);
            i++;
            if (i < Tokens.Count && Tokens[i].IsSymbol(".") )
            {
                i++;
                continue;
            }

            break;
        }

        return parts.Count == 0 ? (string.Empty, string.Empty, at) : (parts[^1], string.Join('.', parts), i);
    }

    public override string ToString() => Text;
}
