using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;

namespace DbArchitect.Core.Live;

/// <summary>The engines that can be reached live, from the registry: the one place that refuses an engine without a driver.</summary>
public static class LiveEngines
{
    /// <summary>The live engine ids: postgresql, mysql, mariadb, sqlserver, sqlite.</summary>
    public static IReadOnlyList<string> Ids => EngineRegistry.All.Where(e => e.Live is not null).Select(e => e.Id).ToArray();

    /// <summary>The driver of an engine, or a clear error naming the engines that have one.</summary>
    public static ILiveDriver Driver(string engine) =>
        EngineRegistry.Get(engine).Live ?? throw new DbArchitectException(new DbArchitectError(
            "LiveEngineNotSupported", ErrorKind.NotImplemented,
            $"Live connections to {engine} are not available in this version.",
            $"Live work runs on {string.Join(", ", Ids)}; for other engines use the generated scripts.", null));
}
