namespace DbArchitect.Core.Lint;

/// <summary>
/// One migration lint rule: a small class in its engine's Lint folder, found by <see cref="LintRuleCatalog"/>.
/// The id is the public contract (-Rule, -ExcludeRule, suppression comments); the same hazard has the same id on every engine.
/// </summary>
public interface ILintRule
{
    /// <summary>kebab-case, stable.</summary>
    string Id { get; }

    /// <summary>The engine family the rule reads (postgresql, mysql, sqlserver).</summary>
    string Engine { get; }

    LintSeverity Severity { get; }

    /// <summary>Locking, Data loss, Types, Transactions or Robustness.</summary>
    string Category { get; }

    /// <summary>What the rule catches and why it hurts (the lock it takes, the rewrite it causes).</summary>
    string Summary { get; }

    /// <summary>The safe alternative, written as the statement(s) to use instead.</summary>
    string Fix { get; }
}

/// <summary>Where a rule fired and what it saw there; the rule's id, severity and fix complete it into a <see cref="LintFinding"/>.</summary>
public sealed record LintHit(int Line, int Column, string Message, string? Fix = null)
{
    public static LintHit At(SqlToken token, string message, string? fix = null) => new(token.Line, token.Column, message, fix);
}
