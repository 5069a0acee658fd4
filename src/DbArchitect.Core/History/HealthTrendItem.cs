namespace DbArchitect.Core.History;

/// <summary>One finding (check and object on one database) over the last runs of the history.</summary>
public sealed record HealthTrendItem
{
    public string? Server { get; init; }

    public int? Port { get; init; }

    public string? Database { get; init; }

    public string? Engine { get; init; }

    public required string CheckId { get; init; }

    public required string Target { get; init; }

    /// <summary>The severity when it was last seen.</summary>
    public required string Severity { get; init; }

    /// <summary>The message when it was last seen.</summary>
    public required string Message { get; init; }

    public required HealthTrendChange Change { get; init; }

    /// <summary>Start (UTC) of the first run of the window that found it.</summary>
    public required DateTimeOffset FirstSeen { get; init; }

    /// <summary>Start (UTC) of the last run of the window that found it.</summary>
    public required DateTimeOffset LastSeen { get; init; }

    public required string FirstSeenRunId { get; init; }

    public required string LastSeenRunId { get; init; }

    /// <summary>How many runs of the window found it.</summary>
    public required int RunsPresent { get; init; }

    /// <summary>How many runs the window holds.</summary>
    public required int RunsInWindow { get; init; }

    public bool NewSincePreviousRun => Change == HealthTrendChange.New;

    public bool ResolvedSincePreviousRun => Change == HealthTrendChange.Resolved;

    /// <summary>"host:port", or the fallback for results that did not say where they came from.</summary>
    public string ServerName => HealthTrend.ServerName(Server, Port);
}

/// <summary>Findings of one server in one run, by severity; <see cref="Checked"/> is false when the run has no result from that server.</summary>
public sealed record HealthTrendCount(string ServerName, string RunId, DateTimeOffset StartedAt, bool Checked, int Findings, int Critical, int Warning, int Info, int Error);
