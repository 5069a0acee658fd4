namespace DbArchitect.Core.Lint;

public enum SqlTokenKind
{
    Word,
    QuotedIdentifier,
    String,
    Number,
    Symbol,
    Comment,
    Parameter,

    /// <summary>The end of a statement: ";" or the client's current DELIMITER, or a GO line.</summary>
    Terminator,
}

/// <summary>One lexical token with its 1-based line and column in the file and its offset in the text.</summary>
public sealed record SqlToken(SqlTokenKind Kind, string Text, int Line, int Column, int Offset)
{
    /// <summary>Keyword comparison: words are case-insensitive; quoted identifiers and strings never match a keyword.</summary>
    public bool Is(string word) => Kind == SqlTokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == SqlTokenKind.Symbol && Text == symbol;

    /// <summary>The identifier as the engine stores it: unquoted words fold to lower case, quoted ones keep their spelling.</summary>
    public string Name => Kind switch
    {
        SqlTokenKind.QuotedIdentifier => Text.Length >= 2 ? Text[1..^1] : Text,
        _ => Text.ToLowerInvariant(),
    };
}
