namespace DbArchitect.Core.Technology;

/// <summary>
/// One reviewed statement about one engine on one factor: how well it serves the factor (0 = not at all, 0.5 =
/// neutral, 1 = a core strength), the claim a reason quotes, and the vendor documentation that supports it.
/// <see cref="TimeSeriesDataOnly"/> marks a strength that holds only for time-partitioned data (a TimescaleDB
/// hypertable), so it counts only when the requirement reads time ranges or time buckets.
/// </summary>
internal sealed record EngineFact(Factor Factor, double Capability, string Claim, string Source)
{
    /// <summary>The engine the fact is about; set by its <see cref="EngineProfile"/>.</summary>
    public string Engine { get; init; } = string.Empty;

    public bool TimeSeriesDataOnly { get; init; }
}
