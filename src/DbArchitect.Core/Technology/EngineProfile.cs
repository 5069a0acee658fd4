using DbArchitect.Core.Engines;

namespace DbArchitect.Core.Technology;

/// <summary>
/// What one engine is to the technology ranking: how well it fits each kind of application, its licence, its
/// connection handling and the reviewed facts its reasons quote. Each engine's profile lives in its own folder
/// (Engines/&lt;Engine&gt;/&lt;Engine&gt;Profile.cs) and reaches the ranking through its <see cref="EngineEntry"/>.
/// ComfortableConnections is how many server connections the engine serves well before a pooler pays off.
/// </summary>
internal abstract class EngineProfile
{
    private IReadOnlyList<EngineFact>? _facts;
    private IReadOnlyDictionary<Factor, double>? _capability;

    protected EngineProfile(string id, string displayName, EngineFamily family, KindFit kindFit)
    {
        Id = id;
        DisplayName = displayName;
        Family = family;
        KindFit = kindFit;
    }

    public string Id { get; }

    public string DisplayName { get; }

    public EngineFamily Family { get; }

    /// <summary>The ranking's word for the engine's kind of store ("relational", "wide-column", "analytics").</summary>
    public string Category => Family switch
    {
        EngineFamily.Columnar => "analytics",
        _ => FamilyText.Of(Family),
    };

    /// <summary>Fit for each kind of application, −1 … 1.</summary>
    public KindFit KindFit { get; }

    public int LicencePoints { get; protected init; }

    public string? LicenceNote { get; protected init; }

    public int? ComfortableConnections { get; protected init; }

    public string? Pooler { get; protected init; }

    /// <summary>
    /// The parts of an architecture the engine serves beside another primary store (<see cref="SupportingTechnologies"/>'s
    /// roles: a cache, live positions, an analytics store); empty when it is offered only as a primary.
    /// </summary>
    public virtual IReadOnlyCollection<string> SupportingRoles => Array.Empty<string>();

    /// <summary>
    /// The most columns a table may have, for an engine known to the ranking whose tables follow another engine's rules
    /// (TimescaleDB is PostgreSQL); null when the engine has no relational tables of its own or states its limits itself.
    /// </summary>
    public virtual EngineLimit? ColumnLimit => null;

    /// <summary>
    /// Every claim the ranking may state about the engine, each true of it, worded for it and sourced from its vendor's
    /// documentation. A factor without a fact is neutral (it moves no points and gives no reason); the Kind fact is the
    /// engine's one-line description.
    /// </summary>
    public IReadOnlyList<EngineFact> Facts => _facts ??= Stated.Select(f => f with { Engine = Id }).ToArray();

    /// <summary>How well the engine serves each factor, from its facts; 0.5 where it has none.</summary>
    public IReadOnlyDictionary<Factor, double> Capability =>
        _capability ??= ScoringWeights.CapabilityColumns.ToDictionary(f => f, f => Fact(f)?.Capability ?? .5);

    /// <summary>The facts as the engine's file states them (the engine id is added by <see cref="Facts"/>).</summary>
    protected abstract IReadOnlyList<EngineFact> Stated { get; }

    /// <summary>The engine's fact for <paramref name="factor"/>, or null when the engine is neutral on it.</summary>
    public EngineFact? Fact(Factor factor) => Facts.FirstOrDefault(f => f.Factor == factor);

    public override string ToString() => Id;
}
