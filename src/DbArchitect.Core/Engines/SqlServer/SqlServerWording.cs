namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>SQL Server words: a security policy (row-level security), INCLUDE columns, the full-text index, nonclustered B-trees.</summary>
internal static class SqlServerWording
{
    public static EngineWording Wording { get; } = new()
    {
        TenantIsolation = "row-level security limits every session to its own tenant.",
        Covering = columns => $"INCLUDE ({string.Join(", ", columns)}) lets it answer from the index alone",
        FullScan = "a clustered index scan",
        IndexMethodName = EngineWording.BTreeAnd(search: "full-text", json: "none (no JSON index)"),
    };
}
