using DbArchitect.Core.Requirements;
using static DbArchitect.Core.Technology.TechnologyScoring;

namespace DbArchitect.Core.Technology;

/// <summary>
/// The parts of the architecture beside the primary database: live positions, a cache, a search engine, an analytics
/// store and a connection pooler, each needed or not for this requirement and this primary engine, with the entities
/// and access patterns a needed part serves and the figures that decided it. Parts an engine of the registry can
/// design name it (<see cref="SupportingTechnology.Engine"/>); the design then generates them.
/// </summary>
public static class SupportingTechnologies
{
    /// <summary>Search traffic from which a dedicated search cluster repays keeping a second system in sync.</summary>
    internal const double HeavySearchPerSecond = 500;

    /// <summary>Rows (at retention) from which searching or aggregating them competes with the primary's transactions.</summary>
    internal const long LargeVolumeRows = 100_000_000;

    /// <summary>Read share from which a cache in front of the primary pays off.</summary>
    internal const double CacheReadShare = 0.8;

    public const string LivePositionsRole = "Live positions";
    public const string Cache = "Cache";
    public const string SearchEngine = "Search engine";
    public const string AnalyticsStore = "Analytics store";
    public const string ConnectionPooler = "Connection pooler";

    public static IReadOnlyList<SupportingTechnology> For(DbRequirement requirement, string primaryEngine)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        return For(new RequirementFigures(requirement), EngineProfiles.Get(primaryEngine));
    }

    /// <summary>The parts beside <paramref name="engine"/>, from figures read once for every engine weighed.</summary>
    internal static IReadOnlyList<SupportingTechnology> For(RequirementFigures f, EngineProfile engine) =>
        new[] { Positions(f.Positions, engine), CacheLayer(f, engine), Search(f, engine), AnalyticsLayer(f, engine), Pooler(f, engine) };

    private static SupportingTechnology Positions(IReadOnlyList<LivePositionEntity> positions, EngineProfile engine)
    {
        if (positions.Count == 0)
        {
            return new(LivePositionsRole, "None", false,
                $"No entity with latitude and longitude is written at {N(LivePositions.MinWritesPerSecond)}/s or more and read by its latest position.");
        }

        var entities = string.Join(", ", positions.Select(p => p.Entity.Name));
        var writes = positions.Sum(p => p.WritesPerSecond);
        var reads = positions.SelectMany(p => p.Patterns).Sum(p => p.PerSecond ?? 0);
        var tracked = positions.Sum(p => p.Tracked);
        var nearby = positions.SelectMany(p => p.Patterns).Where(p => p.Near is not null).Sum(p => p.PerSecond ?? 0);
        var proximity = positions.Any(p => p.Patterns.Any(q => q.Near is not null)) ? $" ({N(nearby)}/s of them searches near a point)" : string.Empty;
        var figures = $"{entities}: {N(writes)} position writes/s ({C(positions.Sum(p => p.Entity.RowsPerDay ?? 0))}/day), latest positions read {N(reads)}/s{proximity}";
        var store = ServedBy(LivePositionsRole);
        if (engine == store)
        {
            return new(LivePositionsRole, "None (in the primary)", false, $"{figures}: {store.DisplayName} is the primary store and keeps them in its own GEO set.");
        }

        var owners = string.Join(", ", positions.Select(p => p.Owner?.From ?? p.Entity.Name));
        return new(LivePositionsRole, $"{store.DisplayName} GEO set of the latest position per " + owners, true,
            $"{figures}: only the newest position of each {owners} ({C(tracked)} of them) is live; a {store.DisplayName} GEO set holds it in memory (GEOADD replaces it on every report), answers the latest-position reads and radius searches (GEOSEARCH) in well under a millisecond, and spares {engine.DisplayName} {N(reads)} reads/s of rows that change every few seconds.")
        {
            Engine = store.Id,
            Serves = new PartScope(positions.Select(p => p.Entity.Name).ToArray(), positions.SelectMany(p => p.Patterns).Select(p => p.Name).ToArray()),
            Figures = new[]
            {
                new PartFigure("position writes", Math.Round(writes, 2), "per second"),
                new PartFigure("latest-position reads", reads, "per second"),
                new PartFigure("latest positions held", tracked, "one per " + owners),
            },
        };
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

        var cache = ServedBy(Cache);
        var hot = read >= CacheReadShare && (f.LatencyMs <= 20 || f.Tps >= 1000 || f.ConcurrentUsers >= 1000);
        if (!hot)
        {
            return new(Cache, "None for now", false,
                $"{readText} and {targets}: {engine.DisplayName}'s own cache serves them; add {cache.DisplayName} when reads are at least {N(CacheReadShare * 100)}% and latency or load targets tighten (≤ 20 ms, ≥ 1,000 TPS or ≥ 1,000 users).");
        }

        var cached = f.CacheablePatterns;
        if (cached.Count == 0)
        {
            return new(Cache, "None", false,
                $"{readText} with {targets}, but no access pattern reads keys that change less often than they are read (searches, aggregates, ranges and entities written faster than read are not cached).");
        }

        var scope = f.CacheScope;
        var entities = scope.Entities;
        var rate = f.CacheableReads;
        return new(Cache, $"{cache.DisplayName} (cache-aside, short TTLs; Memcached where only plain keys are cached)", true,
            $"{readText} with {targets}: caching the hot answers of {string.Join(", ", entities)} ({cached.Count} access patterns, {N(rate)} reads/s) takes repeated reads off {engine.DisplayName}; writes delete the cached keys of the rows they change.")
        {
            Engine = cache.Id,
            Serves = scope,
            Figures = Figures(
                ("read share", read!.Value * 100, "%"),
                ("cached reads", rate, "per second"),
                ("p95 latency target", f.LatencyMs, "ms"),
                ("transactions", f.Tps, "per second"),
                ("concurrent users", f.ConcurrentUsers, "users")),
        };
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
        if (!heavy)
        {
            return new(SearchEngine, "In-database search indexes", false,
                $"{figures}: below {N(HeavySearchPerSecond)}/s and {C(LargeVolumeRows)} rows, {engine.DisplayName}'s own text indexes serve them without a second system to keep in sync.");
        }

        var searches = f.Requirement.AccessPatterns.Where(p => p.Search.Count > 0).ToList();
        return new(SearchEngine, "OpenSearch/Elasticsearch fed by change data capture", true,
            inEngine
                ? $"{figures}: at {N(HeavySearchPerSecond)}/s or {C(LargeVolumeRows)} rows relevance ranking, facets and that load belong on a search cluster kept in sync from the change stream."
                : $"{figures}: {engine.DisplayName} has little text search of its own.")
        {
            Serves = Scope(searches),
            Figures = Figures(("search patterns", f.SearchPatterns, "patterns"), ("searches", f.SearchRate, "per second"), ("searched rows at retention", f.SearchedRows, "rows")),
        };
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

        if (f.AggregatedRows < LargeVolumeRows)
        {
            return new(AnalyticsStore, "None (in the primary)", false,
                $"{figures}: below {C(LargeVolumeRows)} rows covering indexes keep them cheap in {engine.DisplayName}.");
        }

        var aggregates = f.Requirement.AccessPatterns.Where(p => p.Aggregate is not null).ToList();
        var store = ServedBy(AnalyticsStore);
        return new(AnalyticsStore, store.DisplayName + " fed by change data capture", true,
            $"{figures}: from {C(LargeVolumeRows)} rows such scans compete with transactions on {engine.DisplayName}; a columnar store answers them in milliseconds.")
        {
            Engine = store.Id,
            Serves = Scope(aggregates),
            Figures = Figures(("aggregate patterns", f.Aggregates, "patterns"), ("aggregated rows at retention", f.AggregatedRows, "rows")),
        };
    }

    /// <summary>The registered engine whose profile offers <paramref name="role"/> beside a primary store.</summary>
    private static EngineProfile ServedBy(string role) =>
        EngineProfiles.All.FirstOrDefault(p => p.SupportingRoles.Contains(role, StringComparer.Ordinal))
        ?? throw new InvalidOperationException($"No registered engine serves the supporting role '{role}'.");

    private static PartScope Scope(IReadOnlyList<AccessPatternSpec> patterns) =>
        new(patterns.Select(p => p.Entity).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), patterns.Select(p => p.Name).ToArray());

    /// <summary>The stated figures, in order; a figure the requirement does not state is left out.</summary>
    private static PartFigure[] Figures(params (string Name, double? Value, string Unit)[] figures) =>
        figures.Where(x => x.Value is not null).Select(x => new PartFigure(x.Name, x.Value!.Value, x.Unit)).ToArray();

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
                $"{usersText} exceed the ~{C(comfortable)} connections {engine.DisplayName} serves well (each costs memory and scheduling); a pooler multiplexes them onto a few per CPU core.")
            {
                Figures = Figures(("concurrent users", users, "users"), ("connections served well", comfortable, "connections")),
            };
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
