namespace DbArchitect.Core.Lint;

/// <summary>How bad a finding is. Error: the statement blocks traffic or loses data on a busy table; Warning: it can, depending on size or timing; Information: a habit worth changing.</summary>
public enum LintSeverity
{
    Information,
    Warning,
    Error,
}
