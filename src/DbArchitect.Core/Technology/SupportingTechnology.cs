namespace DbArchitect.Core.Technology;

/// <summary>
/// A part of the architecture beside the primary database (live positions, cache, search engine, analytics store,
/// pooler), needed or not, and why. A needed part names what it serves (<see cref="Serves"/>), the figures of the
/// requirement that decided it (<see cref="Figures"/>) and, when an engine of the registry can design it,
/// <see cref="Engine"/>; the others are described but not generated.
/// </summary>
public sealed record SupportingTechnology(string Role, string Technology, bool Needed, string Reason)
{
    /// <summary>The registry id of the engine that serves the part ("redis"); null when it is outside the registry or not needed.</summary>
    public string? Engine { get; init; }

    /// <summary>The entities and access patterns the part serves; null when the part is not needed or serves connections, not data.</summary>
    public PartScope? Serves { get; init; }

    /// <summary>The requirement's figures behind the decision, each as stated or computed from the spec; null when not needed.</summary>
    public IReadOnlyList<PartFigure>? Figures { get; init; }
}

/// <summary>The entities and access patterns of the requirement one part of the architecture serves.</summary>
public sealed record PartScope(IReadOnlyList<string> Entities, IReadOnlyList<string> AccessPatterns);

/// <summary>One figure behind a part: "position writes" 25,000 "per second".</summary>
public sealed record PartFigure(string Name, double Value, string Unit)
{
    public override string ToString() => $"{Name}: {TechnologyScoring.N(Value)} {Unit}";
}
