using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>MAXDOP: max degree of parallelism against the schedulers of one NUMA node.</summary>
internal sealed class SqlServerMaxDop : SqlServerHealthCheck
{
    public override string Id => "MAXDOP";

    public override string Title => "max degree of parallelism does not fit the hardware";

    public override string Category => "Performance";

    public override string Description => "Microsoft's guidance: MAXDOP at most the schedulers of one NUMA node and at most 8; 0 (unlimited) on a node with more than 8 schedulers lets one query take every core. Read from sys.configurations and sys.dm_os_schedulers. Skipped on Azure SQL Database, where MAXDOP is a database scoped configuration the service sets to 8.";

    public override string? AzureSqlDatabaseSkip => "MAXDOP is a database scoped configuration there, 8 by default.";

    public override string Sql => """
        WITH nodes AS (
          SELECT s.parent_node_id, COUNT(*) AS schedulers
          FROM sys.dm_os_schedulers AS s
          WHERE s.status = N'VISIBLE ONLINE'
          GROUP BY s.parent_node_id)
        SELECT N'max degree of parallelism' AS target, CAST(c.value_in_use AS int) AS maxdop,
               (SELECT MAX(n.schedulers) FROM nodes AS n) AS schedulers_per_node, (SELECT COUNT(*) FROM nodes AS n2) AS numa_nodes
        FROM sys.configurations AS c
        WHERE c.name = N'max degree of parallelism';
        """;

    /// <summary>The setting Microsoft recommends for this many schedulers per NUMA node.</summary>
    internal static long Recommended(long schedulersPerNode) => Math.Clamp(schedulersPerNode, 1, 8);

    protected override HealthStatus StatusOf(LiveRow row, HealthStatus judged)
    {
        var maxdop = row.Int64("maxdop") ?? 0;
        var recommended = Recommended(row.Int64("schedulers_per_node") ?? 1);
        return (maxdop == 0 && recommended == 8 && (row.Int64("schedulers_per_node") ?? 0) > 8) || maxdop > recommended ? judged : HealthStatus.Pass;
    }

    protected override string Describe(LiveRow row, double? measured) =>
        $"MAXDOP is {row.String("maxdop")} with {row.String("schedulers_per_node")} schedulers per NUMA node ({row.String("numa_nodes")} node(s)).";

    protected override string Recommend(LiveRow row) =>
        $"EXEC sys.sp_configure N'max degree of parallelism', {Recommended(row.Int64("schedulers_per_node") ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}; RECONFIGURE;";
}
