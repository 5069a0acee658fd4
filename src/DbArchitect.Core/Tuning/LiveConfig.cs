using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Tuning;

/// <summary>Get-DbConfigRecommendation against a live server: its own hardware as the input, its settings beside the advice.</summary>
public static class LiveConfig
{
    /// <summary>The advice for the server's hardware, after <paramref name="adjust"/> applies what the caller stated.</summary>
    public static ConfigRecommendation Recommend(IDatabaseEngine engine, LiveSession session, Func<ConfigInput, ConfigInput> adjust)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(adjust);
        var input = engine.Config.LiveInput(session) ?? throw new DbArchitectException(new DbArchitectError(
            "ConfigLiveNotSupported", ErrorKind.NotImplemented,
            $"Reading the hardware of a live {engine.DisplayName} server is not available yet.",
            "Give -MemoryGb and -Cpus (and -Storage, -Workload) instead of a connection.", null, session.Target.Description));
        return engine.Config.WithLiveSettings(session, engine.Config.Recommend(adjust(input)));
    }
}
