using DbArchitect.Core.Engines;

namespace DbArchitect.Core.Technology;

/// <summary>Every engine's facts, gathered from the profiles in the registry's order.</summary>
internal static class EngineFacts
{
    public static IReadOnlyList<EngineFact> All => EngineRegistry.Entries.SelectMany(e => e.Profile.Facts).ToArray();

    /// <summary>The engine's fact for <paramref name="factor"/>, or null when the engine is neutral on it.</summary>
    public static EngineFact? Find(string engine, Factor factor) => EngineProfiles.Get(engine).Fact(factor);
}
