using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Technology;

/// <summary>What one engine is: how well it fits each kind of application, its licence and its connection handling.</summary>
internal sealed record EngineProfile(
    string Id,
    string DisplayName,
    string Category,
    IReadOnlyDictionary<ApplicationKind, double> KindFit,
    int LicencePoints,
    string? LicenceNote,
    int? ComfortableConnections,
    string? Pooler)
{
    /// <summary>How well the engine serves each factor, from its reviewed facts (<see cref="EngineFacts"/>); 0.5 where it has none.</summary>
    public IReadOnlyDictionary<Factor, double> Capability { get; } =
        ScoringWeights.CapabilityColumns.ToDictionary(f => f, f => EngineFacts.Capability(Id, f));
}

/// <summary>
/// Every engine the requirements format knows, as one table. Kind fit columns: oltp, analytics, mixed, time-series,
/// document, graph, key-value (−1 … 1). What each engine does well or badly is in <see cref="EngineFacts"/>, with sources.
/// ComfortableConnections is how many server connections the engine serves well before a pooler pays off.
/// </summary>
internal static class EngineProfiles
{
    public const string Relational = "relational";
    public const string Document = "document";
    public const string WideColumn = "wide-column";
    public const string KeyValue = "key-value";
    public const string TimeSeries = "time-series";
    public const string Graph = "graph";
    public const string Analytics = "analytics";

    private const string PgBouncer = "PgBouncer in transaction mode";

    public static readonly IReadOnlyList<EngineProfile> All = new[]
    {
        //   id            display name        category     kind fit: oltp anl  mix  ts   doc  grph kv       licence                                             connections, pooler
        // TimescaleDB fits OLTP less than PostgreSQL: it is PostgreSQL plus hypertables, which an application without
        // time-ordered data does not use.
        P("postgresql", "PostgreSQL", Relational, K(1, 0, .75, 0, .25, 0, 0), 0, null, 200, PgBouncer),
        P("mysql", "MySQL", Relational, K(1, -.25, .5, -.25, 0, -.25, 0), 0, null, 500, "ProxySQL"),
        P("mariadb", "MariaDB", Relational, K(1, 0, .5, -.25, 0, -.25, 0), 0, null, 500, "MaxScale or ProxySQL"),
        P("sqlserver", "SQL Server", Relational, K(1, .25, .75, -.25, 0, 0, 0), -4, "commercial licence priced per core", 1000, null),
        P("oracle", "Oracle Database", Relational, K(1, .25, .75, -.25, 0, 0, 0), -5, "commercial licence priced per core, options extra", 1000, "Database Resident Connection Pooling (DRCP)"),
        P("sqlite", "SQLite", Relational, K(.25, -.5, -.25, -.5, -.25, -.5, 0), 0, null, null, null),
        P("mongodb", "MongoDB", Document, K(.25, -.25, .25, .25, 1, -.25, .25), 0, null, null, null),
        P("cassandra", "Apache Cassandra", WideColumn, K(-.25, -.5, -.25, .5, 0, -.75, .5), 0, null, null, null),
        P("dynamodb", "Amazon DynamoDB", KeyValue, K(.25, -.75, -.25, .25, .5, -.75, 1), -2, "runs only as an AWS managed service", null, null),
        P("redis", "Redis", KeyValue, K(-.5, -1, -.75, -.25, -.25, -.5, 1), 0, null, null, null),
        P("influxdb", "InfluxDB", TimeSeries, K(-1, 0, -.75, 1, -1, -1, -.5), 0, null, null, null),
        P("timescaledb", "TimescaleDB", TimeSeries, K(.25, .5, .5, 1, .25, 0, 0), 0, null, 200, PgBouncer),
        P("neo4j", "Neo4j", Graph, K(-.5, -.5, -.5, -.75, -.25, 1, -.5), 0, null, null, null),
        P("neptune", "Amazon Neptune", Graph, K(-.5, -.5, -.5, -.75, -.25, 1, -.5), -2, "runs only as an AWS managed service", null, null),
        P("clickhouse", "ClickHouse", Analytics, K(-1, 1, .25, .75, -.5, -.75, -.75), 0, null, null, null),
    };

    public static EngineProfile Get(string id) =>
        All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No technology profile for engine '{id}'.", nameof(id));

    private static EngineProfile P(string id, string name, string category, IReadOnlyDictionary<ApplicationKind, double> kind,
        int licence, string? licenceNote, int? connections, string? pooler) =>
        new(id, name, category, kind, licence, licenceNote, connections, pooler);

    private static Dictionary<ApplicationKind, double> K(double oltp, double analytics, double mixed, double timeSeries, double document, double graph, double keyValue) => new()
    {
        [ApplicationKind.Oltp] = oltp,
        [ApplicationKind.Analytics] = analytics,
        [ApplicationKind.Mixed] = mixed,
        [ApplicationKind.TimeSeries] = timeSeries,
        [ApplicationKind.Document] = document,
        [ApplicationKind.Graph] = graph,
        [ApplicationKind.KeyValue] = keyValue,
    };
}
