namespace DbArchitect.Core.Lint;

/// <summary>What to lint for: the engine, which rules, and facts about the target that change what is safe.</summary>
public sealed record LintOptions(string Engine)
{
    /// <summary>Rule ids or wildcards to run; empty runs every rule of the engine.</summary>
    public IReadOnlyList<string> Rules { get; init; } = Array.Empty<string>();

    /// <summary>Rule ids or wildcards to skip.</summary>
    public IReadOnlyList<string> ExcludeRules { get; init; } = Array.Empty<string>();

    /// <summary>The target server's major version (PostgreSQL 11 made constant defaults instant, 12 allowed ADD VALUE in a transaction).</summary>
    public int? ServerMajorVersion { get; init; }

    /// <summary>The migration tool wraps each file in a transaction (Flyway, Rails, Django): statements that cannot run in one are errors.</summary>
    public bool AssumeInTransaction { get; init; }

    /// <summary>
    /// The scripts are applied together, in order (an initial build, or one release's files): a table created by an
    /// earlier script is as new to the later ones as to its own. Off by default, since a folder of migrations is usually
    /// history, each file deployed against tables that by then held data.
    /// </summary>
    public bool SameDeployment { get; init; }

    /// <summary>
    /// Treat every table as existing, even one the script created: for tools that create a table in one deployment step
    /// and fill it before the next statement runs, and to compare with linters that do not track new tables (squawk).
    /// </summary>
    public bool AssumeExistingTables { get; init; }

    /// <summary>Tables (folded names, bare and qualified) created by earlier scripts of the same deployment.</summary>
    public IReadOnlyCollection<string> NewTables { get; init; } = Array.Empty<string>();
}
