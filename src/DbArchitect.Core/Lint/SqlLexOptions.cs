namespace DbArchitect.Core.Lint;

/// <summary>What an engine's SQL allows lexically; each engine's lint dialect picks its own.</summary>
public sealed record SqlLexOptions
{
    /// <summary>PostgreSQL: $$…$$ and $tag$…$tag$ bodies are one string token.</summary>
    public bool DollarQuotes { get; init; }

    /// <summary>MySQL: `name`.</summary>
    public bool BacktickIdentifiers { get; init; }

    /// <summary>SQL Server: [name].</summary>
    public bool BracketIdentifiers { get; init; }

    /// <summary>MySQL: # comment to end of line.</summary>
    public bool HashComments { get; init; }

    /// <summary>PostgreSQL: /* /* */ */ nests.</summary>
    public bool NestedBlockComments { get; init; }

    /// <summary>MySQL: backslash escapes inside '…' and "…" strings.</summary>
    public bool BackslashEscapes { get; init; }

    /// <summary>MySQL: "…" is a string, not an identifier.</summary>
    public bool DoubleQuoteStrings { get; init; }

    /// <summary>MySQL client: DELIMITER lines change the statement terminator.</summary>
    public bool DelimiterCommand { get; init; }

    /// <summary>SQL Server tools: a line holding only GO ends a batch.</summary>
    public bool GoSeparator { get; init; }

    public static SqlLexOptions PostgreSql { get; } = new() { DollarQuotes = true, NestedBlockComments = true };

    public static SqlLexOptions MySql { get; } = new()
    {
        BacktickIdentifiers = true, HashComments = true, BackslashEscapes = true, DoubleQuoteStrings = true, DelimiterCommand = true,
    };

    public static SqlLexOptions SqlServer { get; } = new() { BracketIdentifiers = true, GoSeparator = true };
}
