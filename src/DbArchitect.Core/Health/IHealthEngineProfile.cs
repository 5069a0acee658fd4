using DbArchitect.Core.Live;

namespace DbArchitect.Core.Health;

/// <summary>
/// What the runner needs from an engine besides its checks: the name of the database a session is in. One class per
/// engine under Engines/&lt;Engine&gt;/Health/, discovered like the checks.
/// </summary>
public interface IHealthEngineProfile
{
    IReadOnlyList<string> Engines { get; }

    string DatabaseName(LiveSession session);
}
