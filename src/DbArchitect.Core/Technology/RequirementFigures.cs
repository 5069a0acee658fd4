using DbArchitect.Core.Design;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Technology;

/// <summary>
/// The figures of a requirement that choosing a technology depends on, read once: volumes and growth, load,
/// relationship density and the shapes of the access patterns. Stated workload totals win over entity sums. The
/// ranking and the design read one instance for every engine they weigh, so what does not depend on the engine (the
/// live positions, the cacheable patterns) is found here, once, when first asked.
/// </summary>
internal sealed class RequirementFigures
{
    /// <summary>Days of growth counted when no retention is stated (three years, as the capacity figures use).</summary>
    internal const double UnboundedGrowthDays = 365.25 * 3;

    private IReadOnlyList<LivePositionEntity>? _positions;
    private IReadOnlyList<AccessPatternSpec>? _cacheablePatterns;
    private PartScope? _cacheScope;
    private double? _cacheableReads;

    public RequirementFigures(DbRequirement requirement)
    {
        Requirement = requirement;
        var w = requirement.Workload;
        Entities = Math.Max(1, requirement.Entities.Count);
        Records = w.Records ?? requirement.Entities.Sum(e => e.Rows ?? 0);
        RecordsPerDay = w.RecordsPerDay ?? requirement.Entities.Sum(e => e.RowsPerDay ?? 0);
        GrowthDays = w.Retention?.Days ?? UnboundedGrowthDays;
        RecordsAtRetention = Records + (long)(RecordsPerDay * GrowthDays);
        ReadFraction = w.ReadWriteRatio?.ReadFraction;
        Tps = w.Tps;
        WritesPerSecond = Math.Max(RecordsPerDay / 86_400.0, (w.Tps ?? 0) * (1 - (ReadFraction ?? 0.5)));

        var relationships = requirement.Relationships;
        Relationships = relationships.Count;
        ManyToMany = relationships.Count(r => r.Kind == RelationshipKind.ManyToMany);
        SelfRelationships = relationships.Count(ImplicitColumns.IsSelf);
        EnforcedDeletes = relationships.Count(r => r.OnDelete is DeleteAction.Restrict or DeleteAction.Cascade);
        ForeignKeyColumns = relationships.Where(r => r.Kind != RelationshipKind.ManyToMany)
            .Select(r => ImplicitColumns.MatchKey(ImplicitColumns.ForeignKeyColumn(r)))
            .Concat(relationships.Where(r => r.Kind == RelationshipKind.ManyToMany).SelectMany(r =>
            {
                var (from, to) = ImplicitColumns.JunctionColumns(r);
                return new[] { ImplicitColumns.MatchKey(from), ImplicitColumns.MatchKey(to) };
            }))
            .ToHashSet(StringComparer.Ordinal);
        if (requirement.Application.Tenancy == Tenancy.Multi)
        {
            ForeignKeyColumns.Add(ImplicitColumns.MatchKey(ImplicitColumns.TenantId));
        }

        var attributes = requirement.Entities.SelectMany(e => e.Attributes).ToArray();
        Attributes = attributes.Length;
        JsonAttributes = attributes.Count(a => a.Type.Kind == LogicalTypeKind.Json);
        MoneyAttributes = attributes.Count(a => a.Type.Kind is LogicalTypeKind.Money or LogicalTypeKind.Decimal);
        MultiTenant = requirement.Application.Tenancy == Tenancy.Multi;

        var uniqueColumns = requirement.Entities
            .SelectMany(e => e.Attributes.Where(a => a.Unique).Select(a => Key(e.Name, a.Name))
                .Append(Key(e.Name, ImplicitColumns.Id)))
            .ToHashSet(StringComparer.Ordinal);
        var patterns = requirement.AccessPatterns;
        Patterns = patterns.Count;
        JoinPatterns = patterns.Count(p => p.Where.Any(c => ForeignKeyColumns.Contains(ImplicitColumns.MatchKey(c))));
        Aggregates = patterns.Count(p => p.Aggregate is not null);
        TimeShaped = patterns.Count(p => p.Range is not null || p.GroupBy.Any(g => g.Bucket is not null));
        SearchPatterns = patterns.Count(p => p.Search.Count > 0);
        FuzzySearch = patterns.Any(p => p.Search.Count > 0 && p.Fuzzy);
        SearchRate = patterns.Where(p => p.Search.Count > 0).Sum(p => p.PerSecond ?? 0);
        KeyLookups = patterns.Count(p => p.Where.Count > 0 && p.Search.Count == 0 && p.Aggregate is null && p.OrderBy.Count == 0
            && p.Range is null && p.Where.All(c => uniqueColumns.Contains(Key(p.Entity, c))));
        var jsonColumns = requirement.Entities
            .SelectMany(e => e.Attributes.Where(a => a.Type.Kind == LogicalTypeKind.Json).Select(a => Key(e.Name, a.Name)))
            .ToHashSet(StringComparer.Ordinal);
        JsonFilters = patterns.Count(p => p.Where.Any(c => jsonColumns.Contains(Key(p.Entity, c))));

        var aggregated = patterns.Where(p => p.Aggregate is not null).Select(p => p.Entity).ToHashSet(StringComparer.OrdinalIgnoreCase);
        AggregatedRows = requirement.Entities.Where(e => aggregated.Contains(e.Name)).Select(AtRetention).DefaultIfEmpty(0).Max();
        if (AggregatedRows == 0 && aggregated.Count > 0)
        {
            AggregatedRows = RecordsAtRetention;
        }

        var searched = patterns.Where(p => p.Search.Count > 0).Select(p => p.Entity).ToHashSet(StringComparer.OrdinalIgnoreCase);
        SearchedRows = requirement.Entities.Where(e => searched.Contains(e.Name)).Select(AtRetention).DefaultIfEmpty(0).Max();
    }

    public DbRequirement Requirement { get; }

    /// <summary>The entities whose latest positions are live (<see cref="LivePositions.Find"/>).</summary>
    public IReadOnlyList<LivePositionEntity> Positions => _positions ??= LivePositions.Find(Requirement);

    /// <summary>The access patterns a cache would serve, leaving out the entities the live positions serve.</summary>
    public IReadOnlyList<AccessPatternSpec> CacheablePatterns =>
        _cacheablePatterns ??= Technology.CacheablePatterns.Of(Requirement, Positions.Select(p => p.Entity.Name));

    /// <summary>
    /// What a cache would serve: the entities of <see cref="CacheablePatterns"/> (each once, ignoring case) and the
    /// patterns' names. Built once: the ranking asks every engine's cache layer, and a large requirement has thousands.
    /// </summary>
    public PartScope CacheScope => _cacheScope ??= new PartScope(
        CacheablePatterns.Select(p => p.Entity).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
        CacheablePatterns.Select(p => p.Name).ToArray());

    /// <summary>Reads per second of <see cref="CacheablePatterns"/>.</summary>
    public double CacheableReads => _cacheableReads ??= CacheablePatterns.Sum(p => p.PerSecond ?? 0);

    public ApplicationKind Kind => Requirement.Application.Kind;

    public int Entities { get; }

    public long Records { get; }

    public long RecordsPerDay { get; }

    public double GrowthDays { get; }

    public long RecordsAtRetention { get; }

    public double? ReadFraction { get; }

    public double? Tps { get; }

    public double WritesPerSecond { get; }

    public double? LatencyMs => Requirement.Workload.LatencyMs;

    public int? ConcurrentUsers => Requirement.Workload.ConcurrentUsers;

    public int Relationships { get; }

    public int ManyToMany { get; }

    public int SelfRelationships { get; }

    public int EnforcedDeletes { get; }

    public HashSet<string> ForeignKeyColumns { get; }

    public int Attributes { get; }

    public int JsonAttributes { get; }

    public int MoneyAttributes { get; }

    public bool MultiTenant { get; }

    public int Patterns { get; }

    public int JoinPatterns { get; }

    public int Aggregates { get; }

    public int TimeShaped { get; }

    public int SearchPatterns { get; }

    public bool FuzzySearch { get; }

    public double SearchRate { get; }

    public int KeyLookups { get; }

    public int JsonFilters { get; }

    /// <summary>Rows at retention of the largest entity an aggregate pattern reads.</summary>
    public long AggregatedRows { get; }

    /// <summary>Rows at retention of the largest entity a search pattern reads.</summary>
    public long SearchedRows { get; }

    public long AtRetention(EntitySpec entity) => (entity.Rows ?? 0) + (long)((entity.RowsPerDay ?? 0) * GrowthDays);

    private static string Key(string entity, string column) =>
        ImplicitColumns.MatchKey(entity) + "." + ImplicitColumns.MatchKey(column);
}
