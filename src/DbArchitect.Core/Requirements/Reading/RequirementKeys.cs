namespace DbArchitect.Core.Requirements.Reading;

/// <summary>
/// The keys format 1 accepts in each kind of mapping. The JSON Schema in module/schemas is tested against these
/// sets, so the editor's completion and the reader cannot drift apart.
/// </summary>
internal static class RequirementKeys
{
    public static readonly IReadOnlyList<string> Root = new[]
    {
        "format", "application", "workload", "hardware", "engine", "conventions", "entities", "relationships", "accessPatterns",
        "operations",
    };

    public static readonly IReadOnlyList<string> Application = new[] { "name", "description", "kind", "tenancy", "schema" };

    public static readonly IReadOnlyList<string> Workload = new[]
    {
        "records", "recordsPerDay", "readWriteRatio", "latencyMs", "concurrentUsers", "tps", "retention",
    };

    public static readonly IReadOnlyList<string> Hardware = new[] { "memoryGb", "cpus", "storage" };

    public static readonly IReadOnlyList<string> Conventions = new[] { "naming", "primaryKey", "timestamps", "softDelete", "audit" };

    public static readonly IReadOnlyList<string> Operations = new[] { "rpoMinutes", "rtoMinutes", "backupWindow" };

    public static readonly IReadOnlyList<string> Entity = new[]
    {
        "name", "description", "rows", "rowsPerDay", "attributes", "timestamps", "softDelete", "audit", "tenantScoped",
    };

    public static readonly IReadOnlyList<string> Attribute = new[] { "name", "type", "required", "unique", "default", "check", "description", "avgLength", "nullShare" };

    public static readonly IReadOnlyList<string> Relationship = new[]
    {
        "from", "to", "type", "onDelete", "through", "name", "required", "description", "attributes",
    };

    public static readonly IReadOnlyList<string> AccessPattern = new[]
    {
        "name", "entity", "where", "orderBy", "limit", "perSecond", "search", "fuzzy", "range", "aggregate", "groupBy",
        "select", "language", "near",
    };

    /// <summary>Every kind of mapping by the name its definition has in the JSON Schema ("root" is the document itself).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> BySchemaDefinition =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["root"] = Root,
            ["application"] = Application,
            ["workload"] = Workload,
            ["hardware"] = Hardware,
            ["conventions"] = Conventions,
            ["operations"] = Operations,
            ["entity"] = Entity,
            ["attribute"] = Attribute,
            ["relationship"] = Relationship,
            ["accessPattern"] = AccessPattern,
        };
}
