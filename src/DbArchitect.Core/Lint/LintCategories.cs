namespace DbArchitect.Core.Lint;

/// <summary>The kinds of hazard lint rules group into (a report's sections, JUnit's suites).</summary>
public static class LintCategories
{
    /// <summary>Blocks reads or writes: strong locks, table rewrites, full scans under lock.</summary>
    public const string Locking = "Locking";

    /// <summary>Loses data or breaks running application versions: drops, renames, truncates.</summary>
    public const string DataLoss = "Data loss";

    /// <summary>Column types that cost a rewrite later or store the wrong thing.</summary>
    public const string Types = "Types";

    /// <summary>Statements that fail or misbehave in (or out of) a transaction block.</summary>
    public const string Transactions = "Transactions";

    /// <summary>Migrations that cannot be rerun, or that run without timeouts.</summary>
    public const string Robustness = "Robustness";
}
