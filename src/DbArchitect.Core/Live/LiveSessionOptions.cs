namespace DbArchitect.Core.Live;

/// <summary>
/// How a live session protects the server it reads: read-only unless the cmdlet's purpose is to change something,
/// and every statement bounded, so a probe never queues behind a lock or runs away on a busy production server.
/// </summary>
public sealed record LiveSessionOptions
{
    public static readonly LiveSessionOptions ReadOnlyProbe = new();

    public bool ReadOnly { get; init; } = true;

    public TimeSpan StatementTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Shown in the server's session list (pg_stat_activity.application_name), so a DBA sees who is asking.</summary>
    public string ApplicationName { get; init; } = "DbArchitect.PS";
}
