using DbArchitect.Core.Engines;

namespace DbArchitect.Core.Technology;

/// <summary>The ranking's view of the registry: every registered engine's profile, in the registry's order.</summary>
internal static class EngineProfiles
{
    public static IReadOnlyList<EngineProfile> All => EngineRegistry.Entries.Select(e => e.Profile).ToArray();

    /// <summary>The profile of a registered engine (an unknown id is the registry's UnknownEngine error).</summary>
    public static EngineProfile Get(string id) => EngineRegistry.Entry(id).Profile;
}
