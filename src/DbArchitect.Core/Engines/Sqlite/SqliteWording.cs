namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>SQLite words: no row-level security, FTS5 tables for search, B-trees for everything else, no JSON index.</summary>
internal static class SqliteWording
{
    public static EngineWording Wording { get; } = new()
    {
        TenantIsolation = "SQLite has no row-level security, so every query states it and the composite foreign keys keep rows inside one tenant.",
        IndexMethodName = EngineWording.BTreeAnd(search: "fts5 table", json: "none (no JSON index)"),
    };
}
