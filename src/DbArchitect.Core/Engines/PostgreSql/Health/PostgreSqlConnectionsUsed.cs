using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>CONNECTIONS_USED: client connections against what is left for them (max_connections minus reserved slots).</summary>
internal sealed class PostgreSqlConnectionsUsed : PostgreSqlHealthCheck
{
    public override string Id => "CONNECTIONS_USED";

    public override string Title => "Connections near the limit";

    public override string Category => "Sessions";

    public override string Description => "Client backends as a share of max_connections minus superuser_reserved_connections. Past 80 % a burst refuses new logins; past 95 % it is imminent. A pooler (PgBouncer) is the usual cure.";

    public override HealthThreshold DefaultThreshold => new(80, 95, "%");

    public override string Sql => """
        SELECT 'server' AS target,
               round(100.0 * a.used / greatest(a.available, 1), 1) AS measured,
               a.used AS connections, a.available AS available
        FROM (SELECT (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend') AS used,
                     current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int AS available) a
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"{row.String("connections")} of {row.String("available")} available connections in use ({HealthThreshold.Format(measured ?? 0)} %).";

    protected override string Recommend(LiveRow row) => "Put a connection pooler in front of the server or lower the application pools; raise max_connections only with the memory to match.";
}
