using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>CONNECTIONS_USED: client threads against max_connections.</summary>
internal sealed class MySqlConnectionsUsed : MySqlHealthCheck
{
    public override string Id => "CONNECTIONS_USED";

    public override string Title => "Connections near the limit";

    public override string Category => "Sessions";

    public override string Description => "Client connections in the process list (needs PROCESS to see other users') as a % of max_connections: 80 % warning, 95 % critical.";

    public override HealthThreshold DefaultThreshold => new(80, 95, "%");

    public override string Sql => """
        SELECT 'server' AS target, COUNT(*) AS connections, @@max_connections AS available,
               ROUND(100 * COUNT(*) / @@max_connections, 1) AS measured
        FROM information_schema.processlist WHERE command <> 'Daemon'
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"{row.String("connections")} of {row.String("available")} connections in use ({HealthThreshold.Format(measured ?? 0)} %).";

    protected override string Recommend(LiveRow row) => "Use a pool (ProxySQL, MaxScale or the application's) or the thread pool; raise max_connections only with memory to match.";
}
