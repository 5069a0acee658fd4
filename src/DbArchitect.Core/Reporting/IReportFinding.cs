namespace DbArchitect.Core.Reporting;

/// <summary>
/// One row of a pipeline report: what a health check or a lint rule found, engine-neutral. Health results and lint
/// findings implement it so the same writers (JUnit, SARIF, Markdown, JSON), the FailOn gate, the baseline and the CI
/// annotations serve both.
/// </summary>
public interface IReportFinding
{
    /// <summary>Stable, documented rule or check id ("PG_FK_WITHOUT_INDEX", "LINT001"): pipelines match on it.</summary>
    string RuleId { get; }

    /// <summary>Short human name of the rule ("Foreign key without an index").</summary>
    string Title { get; }

    /// <summary>Group of the rule ("Indexes", "Security"); becomes the JUnit test suite.</summary>
    string Category { get; }

    ReportLevel Level { get; }

    /// <summary>What was found, with the figures it came from.</summary>
    string Message { get; }

    /// <summary>The object the finding is about ("public.orders.orders_customer_id_fkey"); null for a file location only.</summary>
    string? Target { get; }

    /// <summary>Where in a file (lint); null for live database objects.</summary>
    ReportLocation? Location { get; }

    string? Recommendation { get; }

    /// <summary>Where the rule is documented; null when nowhere.</summary>
    string? HelpUri { get; }

    /// <summary>What the rule looks for and why it matters (the rule's documentation, not this finding's message); null when the title says it all.</summary>
    string? HelpText => null;

    /// <summary>
    /// The database a live finding came from, credential-free ("postgresql/shop"): SARIF names it as the finding's
    /// artifact, since code scanning takes only results with a physical location. Null for file findings.
    /// </summary>
    string? Source => null;

    /// <summary>How long the rule took for this row (the JUnit test case's time); null when not measured.</summary>
    TimeSpan? Elapsed => null;

    /// <summary>Further named values (measured, threshold, fix SQL) written by the JSON and SARIF writers; sorted by key on output.</summary>
    IReadOnlyDictionary<string, string> Properties => ReportFinding.NoProperties;
}

/// <summary>A place in a source file; Line and Column are 1-based.</summary>
public sealed record ReportLocation(string File, int? Line = null, int? Column = null)
{
    public override string ToString() => Line is null ? File : Column is null ? $"{File}:{Line}" : $"{File}:{Line}:{Column}";
}

/// <summary>A plain finding, for producers that have no richer type of their own, and for tests.</summary>
public sealed record ReportFinding(
    string RuleId,
    string Title,
    string Category,
    ReportLevel Level,
    string Message,
    string? Target = null,
    ReportLocation? Location = null,
    string? Recommendation = null,
    string? HelpUri = null) : IReportFinding
{
    public static readonly IReadOnlyDictionary<string, string> NoProperties = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Properties { get; init; } = NoProperties;

    public string? HelpText { get; init; }

    public string? Source { get; init; }

    public TimeSpan? Elapsed { get; init; }
}
