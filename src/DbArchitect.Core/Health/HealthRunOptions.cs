namespace DbArchitect.Core.Health;

/// <summary>How a health run is shaped: which checks, thresholds and exclusions, and the opt-ins that cost more.</summary>
public sealed record HealthRunOptions
{
    /// <summary>Check ids (wildcards allowed) to run; empty runs every check of the engine.</summary>
    public IReadOnlyList<string> Include { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Exclude { get; init; } = Array.Empty<string>();

    public HealthSettings Settings { get; init; } = HealthSettings.Empty;

    /// <summary>Runs the expensive integrity checks (amcheck), within <see cref="DeepBudget"/>.</summary>
    public bool Deep { get; init; }

    public TimeSpan DeepBudget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Lets a check create the extension it needs (amcheck, pgstattuple); never done otherwise.</summary>
    public bool AllowExtensionCreate { get; init; }
}
