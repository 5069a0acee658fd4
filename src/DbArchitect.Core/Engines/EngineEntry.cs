using DbArchitect.Core.Design.Families;

namespace DbArchitect.Core.Engines;

/// <summary>
/// One engine the module knows: its id, name and family, and the part that designs for it — a relational engine
/// (<see cref="IDatabaseEngine"/>), a designer of another family (<see cref="IFamilyDesigner"/>), or neither yet
/// (known to the technology ranking only). <see cref="Capabilities"/> follows from those parts.
/// </summary>
public sealed class EngineEntry
{
    private EngineEntry(string id, string displayName, EngineFamily family, IDatabaseEngine? relational, IFamilyDesigner? designer)
    {
        Id = id;
        DisplayName = displayName;
        Family = family;
        Relational = relational;
        Designer = designer;
    }

    public string Id { get; }

    public string DisplayName { get; }

    public EngineFamily Family { get; }

    /// <summary>The relational engine's parts; null for other families.</summary>
    public IDatabaseEngine? Relational { get; }

    /// <summary>The designer of a non-relational family; null for relational engines and for engines not designable yet.</summary>
    public IFamilyDesigner? Designer { get; }

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

    public static EngineEntry For(IDatabaseEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return new(engine.Id, engine.DisplayName, EngineFamily.Relational, engine, null);
    }

    public static EngineEntry For(IFamilyDesigner designer)
    {
        ArgumentNullException.ThrowIfNull(designer);
        return new(designer.Id, designer.DisplayName, designer.Family, null, designer);
    }

    /// <summary>An engine the technology ranking scores but no part of the module designs for yet.</summary>
    public static EngineEntry Known(string id, string displayName, EngineFamily family) => new(id, displayName, family, null, null);

    public override string ToString() => Id;
}
