using DbArchitect.Core.Design.Families;
using DbArchitect.Core.Technology;

namespace DbArchitect.Core.Engines;

/// <summary>
/// One engine the module knows: its id, name and family, and the part that designs for it — a relational engine
/// (<see cref="IDatabaseEngine"/>), a designer of another family (<see cref="IFamilyDesigner"/>), or neither yet
/// (known to the technology ranking only) — and the engine's ranking profile. Every part comes from the engine's own
/// folder (Engines/&lt;Engine&gt;/). <see cref="Capabilities"/> follows from those parts.
/// </summary>
public sealed class EngineEntry
{
    private EngineEntry(string id, string displayName, EngineFamily family, IDatabaseEngine? relational, IFamilyDesigner? designer, EngineProfile profile)
    {
        if (!string.Equals(id, profile.Id, StringComparison.Ordinal) || family != profile.Family)
        {
            throw new ArgumentException($"The profile {profile.Id} ({profile.Family}) does not describe engine {id} ({family}).", nameof(profile));
        }

        Id = id;
        DisplayName = displayName;
        Family = family;
        Relational = relational;
        Designer = designer;
        Profile = profile;
    }

    public string Id { get; }

    public string DisplayName { get; }

    public EngineFamily Family { get; }

    /// <summary>The relational engine's parts; null for other families.</summary>
    public IDatabaseEngine? Relational { get; }

    /// <summary>The designer of a non-relational family; null for relational engines and for engines not designable yet.</summary>
    public IFamilyDesigner? Designer { get; }

    /// <summary>How the technology ranking sees the engine: kind fit, licence, connections and sourced facts.</summary>
    internal EngineProfile Profile { get; }

    public bool CanDesign => Relational is not null || Designer is not null;

    public EngineCapabilities Capabilities
    {
        get
        {
            var capabilities = CanDesign ? EngineCapabilities.Design : EngineCapabilities.None;
            if (Relational is { } engine)
            {
                capabilities |= engine.Live is not null ? EngineCapabilities.Live : EngineCapabilities.None;
                capabilities |= engine.Inspector is not null ? EngineCapabilities.Import : EngineCapabilities.None;
                capabilities |= engine.Migrations is not null ? EngineCapabilities.Migrate : EngineCapabilities.None;
                capabilities |= engine.Partitioning is not null ? EngineCapabilities.Partition : EngineCapabilities.None;
                capabilities |= engine.IndexAdvice is not null ? EngineCapabilities.IndexAdvice : EngineCapabilities.None;
                capabilities |= Lint.LintRuleCatalog.Engines.Contains(Id, StringComparer.OrdinalIgnoreCase) ? EngineCapabilities.Lint : EngineCapabilities.None;
            }

            return capabilities;
        }
    }

    internal static EngineEntry For(IDatabaseEngine engine, EngineProfile profile)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(profile);
        return new(engine.Id, engine.DisplayName, EngineFamily.Relational, engine, null, profile);
    }

    internal static EngineEntry For(IFamilyDesigner designer, EngineProfile profile)
    {
        ArgumentNullException.ThrowIfNull(designer);
        ArgumentNullException.ThrowIfNull(profile);
        return new(designer.Id, designer.DisplayName, designer.Family, null, designer, profile);
    }

    /// <summary>An engine the technology ranking scores but no part of the module designs for yet: its profile is all it has.</summary>
    internal static EngineEntry Known(EngineProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new(profile.Id, profile.DisplayName, profile.Family, null, null, profile);
    }

    public override string ToString() => Id;
}
