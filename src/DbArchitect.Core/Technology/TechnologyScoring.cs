using System.Globalization;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Technology;

/// <summary>
/// Scores every engine the requirements format knows against a requirement and ranks them. Deterministic: equal
/// scores keep the order of <see cref="EngineRegistry.KnownEngineIds"/>.
/// </summary>
public static class TechnologyScoring
{
    public const int BaseScore = ScoringWeights.BaseScore;

    public static IReadOnlyList<TechnologyRecommendation> Rank(DbRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        return Rank(new RequirementFigures(requirement));
    }

    /// <summary>The ranking from figures read once: every engine's score and supporting parts come from the same instance.</summary>
    internal static IReadOnlyList<TechnologyRecommendation> Rank(RequirementFigures figures)
    {
        var demands = Demands(figures);
        // OrderByDescending is stable: engines of equal score keep the registry's order.
        var scored = EngineRegistry.KnownEngineIds
            .Select(EngineProfiles.Get)
            .Select(profile => Scored.Of(profile, Reasons(profile, figures, demands)))
            .OrderByDescending(e => e.Raw)
            .ToArray();
        return scored.Select((e, i) =>
        {
            var score = Math.Clamp(e.Raw, 0, 100);
            return new TechnologyRecommendation(i + 1, e.Profile.Id, e.Profile.DisplayName, e.Profile.Category, score, Verdict(i + 1, score), e.Reasons)
            {
                Parts = SupportingTechnologies.For(figures, e.Profile).Where(s => s.Needed).ToArray(),
            };
        }).ToArray();
    }

    private static string Verdict(int rank, int score) => rank == 1 ? "Best fit"
        : score >= 75 ? "Strong fit"
        : score >= 55 ? "Good fit"
        : score >= 40 ? "Possible fit"
        : "Poor fit";

    /// <summary>How much the requirement asks of each factor (0–1), with the figures that say so.</summary>
    private static Dictionary<Factor, (double Demand, string Figures)> Demands(RequirementFigures f)
    {
        var d = new Dictionary<Factor, (double, string)>();
        var perEntity = f.Relationships / (double)f.Entities;
        d[Factor.Relationships] = (Math.Min(1, perEntity),
            $"{f.Relationships} relationships across {f.Entities} entities ({N(perEntity)} per entity, {f.ManyToMany} many-to-many)");
        d[Factor.Joins] = (f.Patterns == 0 ? 0 : f.JoinPatterns / (double)f.Patterns,
            $"{f.JoinPatterns} of {f.Patterns} access patterns filter on foreign key columns");
        var consistency = (f.MoneyAttributes > 0 ? .4 : 0) + (f.EnforcedDeletes > 0 ? .3 : 0) + (f.MultiTenant ? .3 : 0);
        d[Factor.Consistency] = (Math.Min(1, consistency),
            $"{f.MoneyAttributes} money/decimal attributes, {f.EnforcedDeletes} relationships with restrict/cascade deletes{(f.MultiTenant ? ", multi-tenant" : string.Empty)}");
        d[Factor.MultiTenancy] = (f.MultiTenant ? 1 : 0, "tenancy: multi, every row belongs to one tenant");
        var jsonShare = f.Attributes == 0 ? 0 : f.JsonAttributes / (double)f.Attributes;
        d[Factor.Documents] = (Math.Min(1, (jsonShare * 2.5) + (f.Patterns == 0 ? 0 : .5 * f.JsonFilters / f.Patterns)),
            $"{f.JsonAttributes} of {f.Attributes} attributes are JSON ({N(jsonShare * 100)}%), {f.JsonFilters} access patterns filter inside JSON");
        d[Factor.Graph] = (Math.Min(1, (f.SelfRelationships + (.5 * f.ManyToMany)) / f.Entities),
            $"{f.SelfRelationships} self-relationships and {f.ManyToMany} many-to-many across {f.Entities} entities");
        var timeShare = f.Patterns == 0 ? 0 : f.TimeShaped / (double)f.Patterns;
        // Only access patterns that read time ranges or buckets ask for time-series storage: a high insert rate alone
        // (a ledger, a catalogue) does not.
        d[Factor.TimeSeries] = (f.TimeShaped == 0 ? 0 : Math.Min(1, (.5 * timeShare) + (.5 * Scale(f.RecordsPerDay, 5, 8))),
            $"{f.TimeShaped} of {f.Patterns} access patterns read time ranges or time buckets; {C(f.RecordsPerDay)} new records/day");
        d[Factor.WriteIngest] = (Scale(f.WritesPerSecond, 2, 5), $"about {C((long)f.WritesPerSecond)} writes/s");
        d[Factor.Volume] = (Scale(f.RecordsAtRetention, 8, 11), $"{C(f.RecordsAtRetention)} records at retention ({C(f.Records)} today)");
        d[Factor.Aggregates] = (f.Aggregates == 0 ? 0 : Scale(f.AggregatedRows, 6, 9) * (.5 + (.5 * f.Aggregates / f.Patterns)),
            $"{f.Aggregates} aggregate access patterns over up to {C(f.AggregatedRows)} rows");
        var tpsScale = Scale(f.Tps ?? 0, 3, 5);
        d[Factor.KeyLookups] = (f.Patterns == 0 ? 0 : f.KeyLookups / (double)f.Patterns * (.5 + (.5 * tpsScale)),
            $"{f.KeyLookups} of {f.Patterns} access patterns are lookups by a unique key{(f.Tps is { } t ? $" at {C((long)t)} TPS" : string.Empty)}");
        d[Factor.Throughput] = (tpsScale, f.Tps is { } tps ? $"{C((long)tps)} transactions/s" : "TPS not stated");
        d[Factor.Latency] = (f.LatencyMs switch { null => 0, <= 2 => 1, <= 5 => .7, <= 20 => .3, _ => 0 },
            f.LatencyMs is { } l ? $"p95 target {N(l)} ms" : "latency not stated");
        d[Factor.Concurrency] = (Scale(f.ConcurrentUsers ?? 0, 2, 4),
            f.ConcurrentUsers is { } u ? $"{C(u)} concurrent users" : "concurrency not stated");
        d[Factor.Search] = (f.SearchPatterns == 0 ? 0 : Math.Min(1, .5 + (f.SearchRate / 1000) + (f.FuzzySearch ? .2 : 0)),
            $"{f.SearchPatterns} {(f.FuzzySearch ? "fuzzy " : string.Empty)}search patterns at {N(f.SearchRate)}/s");
        return d;
    }

    private static List<ScoreReason> Reasons(EngineProfile engine, RequirementFigures figures, Dictionary<Factor, (double Demand, string Figures)> demands)
    {
        var reasons = new List<ScoreReason>();
        var kind = JsonKind(figures.Kind);
        var fit = engine.KindFit[figures.Kind];
        var kindPoints = Points(ScoringWeights.MaxPoints[Factor.Kind] * fit);
        var summary = EngineFacts.Find(engine.Id, Factor.Kind)
            ?? throw new InvalidOperationException($"Engine '{engine.Id}' has no Kind fact describing it.");
        if (kindPoints != 0)
        {
            reasons.Add(new ScoreReason(Factor.Kind.ToString(), kindPoints, fit > 0
                ? $"kind: {kind}; {engine.DisplayName}, {summary.Claim}, fits {kind} applications (fit {N(fit)})"
                : $"kind: {kind}; {engine.DisplayName}, {summary.Claim}, is not built for {kind} applications (fit {N(fit)})")
            { Source = summary.Source });
        }

        foreach (var factor in ScoringWeights.CapabilityColumns)
        {
            // A fact that holds only for time-partitioned data counts only when the requirement has such data.
            if (EngineFacts.Find(engine.Id, factor) is not { } fact || (fact.TimeSeriesDataOnly && figures.TimeShaped == 0))
            {
                continue;
            }

            var (demand, text) = demands[factor];
            var points = Points(ScoringWeights.MaxPoints[factor] * demand * ((2 * fact.Capability) - 1));
            if (points != 0)
            {
                reasons.Add(new ScoreReason(Name(factor), points, $"{text}; {engine.DisplayName}: {fact.Claim}") { Source = fact.Source });
            }
        }

        if (engine.LicencePoints != 0)
        {
            // Per-core licences cost more on bigger machines: the penalty grows from 16 cores up to double at 32.
            var cpus = figures.Requirement.Hardware.Cpus;
            var factor = Math.Clamp((cpus ?? 16) / 16.0, 1, 2);
            reasons.Add(new ScoreReason(Factor.Licence.ToString(), Points(engine.LicencePoints * factor),
                $"{engine.DisplayName}: {engine.LicenceNote}{(cpus is { } c ? $" ({c} cores stated)" : string.Empty)}"));
        }

        return reasons;
    }

    private static int Points(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    /// <summary>Where <paramref name="value"/> lies between 10^low (0) and 10^high (1) on a log scale.</summary>
    internal static double Scale(double value, double low, double high) =>
        value <= 0 ? 0 : Math.Clamp((Math.Log10(value) - low) / (high - low), 0, 1);

    private static string Name(Factor factor) => factor switch
    {
        Factor.MultiTenancy => "Multi-tenancy",
        Factor.TimeSeries => "Time series",
        Factor.WriteIngest => "Write ingest",
        Factor.KeyLookups => "Key lookups",
        _ => factor.ToString(),
    };

    internal static string JsonKind(ApplicationKind kind) => kind switch
    {
        ApplicationKind.TimeSeries => "time-series",
        ApplicationKind.KeyValue => "key-value",
        _ => kind.ToString().ToLowerInvariant(),
    };

    internal static string N(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    internal static string C(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// An engine's reasons and raw score before ranking. A class, not a tuple: ranking value tuples made a new session
    /// JIT-compile LINQ's iterators and sorter for that tuple shape (50 methods on the first design).
    /// </summary>
    private sealed record Scored(EngineProfile Profile, IReadOnlyList<ScoreReason> Reasons, int Raw)
    {
        public static Scored Of(EngineProfile profile, IReadOnlyList<ScoreReason> reasons) => new(profile, reasons, BaseScore + reasons.Sum(r => r.Points));
    }
}
