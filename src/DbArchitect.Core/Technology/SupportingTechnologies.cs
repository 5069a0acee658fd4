using DbArchitect.Core.Requirements;
using static DbArchitect.Core.Technology.TechnologyScoring;

namespace DbArchitect.Core.Technology;

/// <summary>
/// The technologies beside the primary database: a cache, a search engine, an analytics store and a connection
/// pooler, each needed or not for this requirement and this primary engine, with the figures that decided it.
/// </summary>
public static class SupportingTechnologies
{
    /// <summary>Search traffic from which a dedicated search cluster repays keeping a second system in sync.</summary>
    internal const double HeavySearchPerSecond = 500;

    /// <summary>Rows (at retention) from which searching or aggregating them competes with the primary's transactions.</summary>
    internal const long LargeVolumeRows = 100_000_000;

    public const string Cache = "Cache";
    public const string SearchEngine = "Search engine";
    public const string AnalyticsStore = "Analytics store";
    public const string ConnectionPooler = "Connection pooler";

    public static IReadOnlyList<SupportingTechnology> For(DbRequirement requirement, string primaryEngine)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        var f = new RequirementFigures(requirement);
        var engine = EngineProfiles.Get(primaryEngine);
        return new[] { CacheLayer(f, engine), Search(f, engine), AnalyticsLayer(f, engine), Pooler(f, engine) };
    }

    private static SupportingTechnology CacheLayer(RequirementFigures f, EngineProfile engine)
    {
        var read = f.ReadFraction;
        var readText = read is null ? "the read share is not stated" : $"reads are {N(read.Value * 100)}% of traffic";
        var targets = Targets(f);
        if (engine.Capability[Factor.Latency] >= 1)
        {
            return new(Cache, "None", false, $"{engine.DisplayName} already answers from memory; {readText}.");
        }

        var hot = read >= 0.8 && (f.LatencyMs <= 20 || f.Tps >= 1000 || f.ConcurrentUsers >= 1000);
        return hot
            ? new(Cache, "Redis (cache-aside, short TTLs; Memcached where only plain keys are cached)", true,
                $"{readText} with {targets}: caching hot keys (sessions, pages, counters) takes repeated reads off {engine.DisplayName}.")
            : new(Cache, "None for now", false,
                $"{readText} and {targets}: {engine.DisplayName}'s own cache serves them; add Redis when reads are at least 80% and latency or load targets tighten (≤ 20 ms, ≥ 1,000 TPS or ≥ 1,000 users).");
    }

    private static SupportingTechnology Search(RequirementFigures f, EngineProfile engine)
    {
        if (f.SearchPatterns == 0)
        {
            return new(SearchEngine, "None", false, "No access pattern searches text.");
        }

        var inEngine = engine.Capability[Factor.Search] >= .5;
        var heavy = f.SearchRate >= HeavySearchPerSecond || f.SearchedRows >= LargeVolumeRows || !inEngine;
        var figures = $"{f.SearchPatterns} {(f.FuzzySearch ? "fuzzy " : string.Empty)}search patterns at {N(f.SearchRate)}/s over up to {C(f.SearchedRows)} rows";
        return heavy
            ? new(SearchEngine, "OpenSearch/Elasticsearch fed by change data capture", true,
                inEngine
                    ? $"{figures}: at {N(HeavySearchPerSecond)}/s or {C(LargeVolumeRows)} rows relevance ranking, facets and that load belong on a search cluster kept in sync from the change stream."
                    : $"{figures}: {engine.DisplayName} has little text search of its own.")
            : new(SearchEngine, "In-database search indexes", false,
                $"{figures}: below {N(HeavySearchPerSecond)}/s and {C(LargeVolumeRows)} rows, {engine.DisplayName}'s own text indexes serve them without a second system to keep in sync.");
    }

    private static SupportingTechnology AnalyticsLayer(RequirementFigures f, EngineProfile engine)
    {
        if (f.Aggregates == 0)
        {
            return new(AnalyticsStore, "None", false, "No access pattern aggregates.");
        }

        var figures = $"{f.Aggregates} aggregate patterns over up to {C(f.AggregatedRows)} rows";
        if (engine.Capability[Factor.Aggregates] >= .75)
        {
            return new(AnalyticsStore, "None", false, $"{figures}: {engine.DisplayName} answers them itself.");
        }

        return f.AggregatedRows >= LargeVolumeRows
            ? new(AnalyticsStore, "ClickHouse fed by change data capture", true,
                $"{figures}: from {C(LargeVolumeRows)} rows such scans compete with transactions on {engine.DisplayName}; a columnar store answers them in milliseconds.")
            : new(AnalyticsStore, "None (in the primary)", false,
                $"{figures}: below {C(LargeVolumeRows)} rows covering indexes keep them cheap in {engine.DisplayName}.");
    }

    private static SupportingTechnology Pooler(RequirementFigures f, EngineProfile engine)
    {
        var users = f.ConcurrentUsers;
        if (engine.ComfortableConnections is not { } comfortable)
        {
            return new(ConnectionPooler, "None", false, $"{engine.DisplayName} clients multiplex requests over a few connections each.");
        }

        var usersText = users is null ? "concurrency is not stated" : $"{C(users.Value)} concurrent users";
        if (users > comfortable && engine.Pooler is { } pooler)
        {
            return new(ConnectionPooler, pooler, true,
                $"{usersText} exceed the ~{C(comfortable)} connections {engine.DisplayName} serves well (each costs memory and scheduling); a pooler multiplexes them onto a few per CPU core.");
        }

        return new(ConnectionPooler, "Application-side pool", false,
            users > comfortable
                ? $"{usersText} exceed ~{C(comfortable)} connections, but {engine.DisplayName} drivers pool and multiplex them themselves."
                : $"{usersText}, within the ~{C(comfortable)} connections {engine.DisplayName} serves well: the application's own pool is enough.");
    }

    private static string Targets(RequirementFigures f)
    {
        var parts = new List<string>();
        if (f.LatencyMs is { } l)
        {
            parts.Add($"a p95 target of {N(l)} ms");
        }

        if (f.Tps is { } t)
        {
            parts.Add($"{C((long)t)} TPS");
        }

        if (f.ConcurrentUsers is { } u)
        {
            parts.Add($"{C(u)} concurrent users");
        }

        return parts.Count == 0 ? "no stated performance targets" : string.Join(", ", parts);
    }
}
