namespace DbArchitect.Core.Engines;

/// <summary>
/// An engine's server configuration advice: settings for the stated hardware and workload, each with its reason, and
/// the files a DBA applies them with. Engine-neutral inputs and outputs, so every engine only adds its own rules.
/// </summary>
public interface IConfigAdvisor
{
    ConfigRecommendation Recommend(ConfigInput input);

    /// <summary>The hardware of a live server as the advice's input (memory, CPUs); null when the engine cannot read it.</summary>
    ConfigInput? LiveInput(Live.LiveSession session) => null;

    /// <summary>The advice with each setting's value on the live server added to its reason, so a DBA sees what would change.</summary>
    ConfigRecommendation WithLiveSettings(Live.LiveSession session, ConfigRecommendation recommendation) => recommendation;
}
