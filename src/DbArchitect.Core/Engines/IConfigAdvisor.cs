namespace DbArchitect.Core.Engines;

/// <summary>
/// An engine's server configuration advice: settings for the stated hardware and workload, each with its reason, and
/// the files a DBA applies them with. Engine-neutral inputs and outputs, so every engine only adds its own rules.
/// </summary>
public interface IConfigAdvisor
{
    ConfigRecommendation Recommend(ConfigInput input);
}
