namespace DbArchitect.Core.Lint;

/// <summary>
/// How one engine family reads a migration script and runs its rules. Each engine adds one in its Lint folder;
/// <see cref="LintRuleCatalog"/> finds it, so shared code never names an engine.
/// </summary>
public interface ILintDialect
{
    /// <summary>The engine ids (as in EngineRegistry) whose scripts this dialect reads: mysql and mariadb share one.</summary>
    IReadOnlyList<string> Engines { get; }

    /// <summary>The engine family its rules declare in <see cref="ILintRule.Engine"/>.</summary>
    string Family { get; }

    /// <summary>Lexical rules, also used to find suppression comments.</summary>
    SqlLexOptions Lex { get; }

    /// <summary>Runs the given rules (all of this family) over one script; findings are not yet filtered or suppressed.</summary>
    IReadOnlyList<LintFinding> Lint(LintSource source, IReadOnlyList<ILintRule> rules, LintOptions options);

    /// <summary>The tables the script creates (folded names; bare and qualified), for <see cref="LintOptions.SameDeployment"/>.</summary>
    IReadOnlyList<string> CreatedTables(LintSource source);
}
