namespace DbArchitect.Core.Technology;

/// <summary>The factors an engine is scored on. Each engine states its capability for each (see <see cref="EngineProfiles"/>).</summary>
public enum Factor
{
    Kind, Relationships, Joins, Consistency, MultiTenancy, Documents, Graph, TimeSeries, WriteIngest, Volume,
    Aggregates, KeyLookups, Throughput, Latency, Concurrency, Search, Licence,
}

/// <summary>
/// How many points each factor can move a score, as one reviewable table. A factor gives
/// weight × demand × (2 × capability − 1) points: demand (0–1) comes from the requirement's figures, capability (0–1)
/// from the engine's profile, so a capability of 0.5 is neutral and a factor the requirement does not ask for moves nothing.
/// Kind gives weight × fit (−1…1) and Licence the engine's fixed points.
/// </summary>
internal static class ScoringWeights
{
    /// <summary>Every engine starts here; the reasons' points are added and the sum is clamped to 0–100.</summary>
    public const int BaseScore = 40;

    public static readonly IReadOnlyDictionary<Factor, int> MaxPoints = new Dictionary<Factor, int>
    {
        [Factor.Kind] = 20,
        [Factor.Relationships] = 12,
        [Factor.Joins] = 6,
        [Factor.Consistency] = 10,
        [Factor.MultiTenancy] = 8,
        [Factor.Documents] = 8,
        [Factor.Graph] = 12,
        [Factor.TimeSeries] = 12,
        [Factor.WriteIngest] = 10,
        [Factor.Volume] = 8,
        [Factor.Aggregates] = 12,
        [Factor.KeyLookups] = 10,
        [Factor.Throughput] = 8,
        [Factor.Latency] = 6,
        [Factor.Concurrency] = 6,
        [Factor.Search] = 6,
    };

    /// <summary>Order of the capability columns in <see cref="EngineProfiles"/>.</summary>
    public static readonly IReadOnlyList<Factor> CapabilityColumns = new[]
    {
        Factor.Relationships, Factor.Joins, Factor.Consistency, Factor.MultiTenancy, Factor.Documents, Factor.Graph,
        Factor.TimeSeries, Factor.WriteIngest, Factor.Volume, Factor.Aggregates, Factor.KeyLookups, Factor.Throughput,
        Factor.Latency, Factor.Concurrency, Factor.Search,
    };
}
