namespace DbArchitect.Core.Health;

/// <summary>The outcome of one check on one target. Skipped: the server could not run it (version, privilege,
/// extension, exclusion); Error: the check itself failed, with the reason; neither ever stops the run.</summary>
public enum HealthStatus
{
    Pass,
    Info,
    Warning,
    Critical,
    Skipped,
    Error,
}

/// <summary>How soon a DBA should act on a finding: High for Critical rows, the check's own band for Warnings.</summary>
public enum HealthPriority
{
    None,
    Low,
    Medium,
    High,
}
