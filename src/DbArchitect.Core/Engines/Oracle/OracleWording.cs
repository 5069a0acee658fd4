namespace DbArchitect.Core.Engines.Oracle;

/// <summary>Oracle words: Virtual Private Database for tenants, Oracle Text for search, a JSON search index, B-trees otherwise.</summary>
internal static class OracleWording
{
    public static EngineWording Wording { get; } = new()
    {
        TenantIsolation = "a Virtual Private Database policy (row-level security) limits every session to its own tenant.",
        IndexMethodName = EngineWording.BTreeAnd(search: "oracle text", json: "json search"),
    };
}
