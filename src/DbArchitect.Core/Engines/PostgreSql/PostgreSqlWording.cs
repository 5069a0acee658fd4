namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>PostgreSQL's own words for the neutral model's features: GIN, BRIN, INCLUDE, row-level security, vacuum.</summary>
internal static class PostgreSqlWording
{
    public static EngineWording Wording { get; } = new()
    {
        TenantIsolation = "row-level security limits every session to its own tenant.",
        TrigramSearch = "a trigram GIN index serves similarity (%), ILIKE '%term%' and typo-tolerant matching",
        JsonContainment = "a GIN index with jsonb_path_ops serves containment (@>) at a fraction of the default operator class's size",
        BlockRangeIndex = "a BRIN index",
        FuzzyIndexSuffix = "_trgm",
        JsonIndexSuffix = "_gin",
        BlockRangeIndexSuffix = "_brin",
        Covering = columns => $"INCLUDE ({string.Join(", ", columns)}) lets it answer from the index alone",
        NearSearch = (latitude, longitude) =>
            $"{EngineWording.Neutral.NearSearch(latitude, longitude)}; the design uses no PostGIS, whose GiST index on a geography(Point) column would answer ST_DWithin and nearest-first (<->) directly — add the extension and that column if the server has it",
        FullScan = "a sequential scan",
        PartitionMaintenance = "vacuum",
        PartitionSchedule = "New-PartitionScript writes the pg_cron step",
        IndexMethodName = index => index.Method == Model.IndexStructure.Ordered ? "b-tree" : PostgreSqlIndexDdl.MethodName(index.Method),
    };
}
