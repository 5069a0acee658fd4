namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// MySQL/MariaDB words: no row-level security (the application states the tenant), FULLTEXT for the search indexes,
/// InnoDB B-trees for block-range and hash ones, no index for a JSON document.
/// </summary>
internal static class MySqlWording
{
    public static EngineWording Wording { get; } = new()
    {
        TenantIsolation = "neither MySQL nor MariaDB has row-level security, so every query states it and the composite foreign keys keep rows inside one tenant.",
        FullScan = "a clustered primary key or full table scan",
        IndexMethodName = EngineWording.BTreeAnd(search: "fulltext", json: "none (no JSON index)"),
    };
}
