using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Technology;

/// <summary>What one engine is and how well it serves each factor (0 = not at all, 0.5 = neutral, 1 = a core strength).</summary>
internal sealed record EngineProfile(
    string Id,
    string DisplayName,
    string Category,
    IReadOnlyDictionary<ApplicationKind, double> KindFit,
    IReadOnlyDictionary<Factor, double> Capability,
    int LicencePoints,
    string? LicenceNote,
    int? ComfortableConnections,
    string? Pooler);

/// <summary>
/// Every engine the requirements format knows, as one table. Kind fit columns: oltp, analytics, mixed, time-series,
/// document, graph, key-value (−1 … 1). Capability columns follow <see cref="ScoringWeights.CapabilityColumns"/>.
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
        //   id            display name        category     kind fit: oltp anl  mix  ts   doc  grph kv       capability: rel join acid rls json grph ts ingst vol agg  key  tps  lat  conc srch   licence                                             connections, pooler
        P("postgresql", "PostgreSQL", Relational, K(1, 0, .75, 0, .25, 0, 0), C(1, 1, 1, 1, .8, .5, .5, .5, .4, .55, .6, .5, .6, .5, .8), 0, null, 200, PgBouncer),
        P("mysql", "MySQL", Relational, K(1, -.25, .5, -.25, 0, -.25, 0), C(1, .9, 1, .2, .6, .35, .4, .5, .4, .35, .65, .55, .6, .6, .5), 0, null, 500, "ProxySQL"),
        P("mariadb", "MariaDB", Relational, K(1, 0, .5, -.25, 0, -.25, 0), C(1, .9, 1, .2, .5, .4, .4, .5, .4, .45, .65, .55, .6, .6, .5), 0, null, 500, "MaxScale or ProxySQL"),
        P("sqlserver", "SQL Server", Relational, K(1, .25, .75, -.25, 0, 0, 0), C(1, 1, 1, 1, .5, .5, .45, .55, .5, .65, .6, .55, .6, .65, .7), -4, "commercial licence priced per core", 1000, null),
        P("oracle", "Oracle Database", Relational, K(1, .25, .75, -.25, 0, 0, 0), C(1, 1, 1, 1, .65, .5, .45, .6, .6, .65, .6, .6, .6, .65, .75), -5, "commercial licence priced per core, options extra", 1000, "Database Resident Connection Pooling (DRCP)"),
        P("sqlite", "SQLite", Relational, K(.25, -.5, -.25, -.5, -.25, -.5, 0), C(.75, .8, .75, 0, .45, .3, .2, 0, 0, .2, .5, 0, .7, 0, .5), 0, null, null, null),
        P("mongodb", "MongoDB", Document, K(.25, -.25, .25, .25, 1, -.25, .25), C(.25, .3, .6, .4, 1, .2, .6, .75, .7, .4, .7, .8, .65, .75, .65), 0, null, null, null),
        P("cassandra", "Apache Cassandra", WideColumn, K(-.25, -.5, -.25, .5, 0, -.75, .5), C(0, 0, .1, .2, .3, 0, .6, 1, 1, .1, .85, 1, .75, .9, .1), 0, null, null, null),
        P("dynamodb", "Amazon DynamoDB", KeyValue, K(.25, -.75, -.25, .25, .5, -.75, 1), C(0, 0, .5, .6, .75, 0, .3, 1, 1, 0, 1, 1, .85, 1, 0), -2, "runs only as an AWS managed service", null, null),
        P("redis", "Redis", KeyValue, K(-.5, -1, -.75, -.25, -.25, -.5, 1), C(0, 0, .25, 0, .4, .1, .2, .9, 0, 0, 1, 1, 1, .9, .3), 0, null, null, null),
        P("influxdb", "InfluxDB", TimeSeries, K(-1, 0, -.75, 1, -1, -1, -.5), C(0, 0, 0, .3, 0, 0, 1, .9, .75, .7, .2, .7, .4, .5, 0), 0, null, null, null),
        P("timescaledb", "TimescaleDB", TimeSeries, K(.5, .5, .75, 1, .25, 0, 0), C(1, 1, 1, 1, .8, .5, 1, .8, .8, .8, .6, .55, .6, .5, .8), 0, null, 200, PgBouncer),
        P("neo4j", "Neo4j", Graph, K(-.5, -.5, -.5, -.75, -.25, 1, -.5), C(.75, .6, .75, .3, .35, 1, 0, .25, .3, .2, .4, .3, .5, .5, .4), 0, null, null, null),
        P("clickhouse", "ClickHouse", Analytics, K(-1, 1, .25, .75, -.5, -.75, -.75), C(.25, .4, 0, .6, .45, 0, .9, 1, 1, 1, .1, .3, .1, .2, .4), 0, null, null, null),
    };

    public static EngineProfile Get(string id) =>
        All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No technology profile for engine '{id}'.", nameof(id));

    private static EngineProfile P(string id, string name, string category, IReadOnlyDictionary<ApplicationKind, double> kind,
        IReadOnlyDictionary<Factor, double> capability, int licence, string? licenceNote, int? connections, string? pooler) =>
        new(id, name, category, kind, capability, licence, licenceNote, connections, pooler);

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

    private static Dictionary<Factor, double> C(params double[] values)
    {
        var columns = ScoringWeights.CapabilityColumns;
        if (values.Length != columns.Count)
        {
            throw new InvalidOperationException($"A capability row needs {columns.Count} values, got {values.Length}.");
        }

        return columns.Select((f, i) => (f, values[i])).ToDictionary(x => x.f, x => x.Item2);
    }
}
