using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>COST_THRESHOLD: cost threshold for parallelism left at its default of 5.</summary>
internal sealed class SqlServerCostThreshold : SqlServerHealthCheck
{
    public override string Id => "COST_THRESHOLD";

    public override string Title => "cost threshold for parallelism at its default";

    public override string Category => "Performance";

    public override string Description => "'cost threshold for parallelism' at 5 or less (the 1990s default): small queries go parallel and waste CPU on coordination (CXPACKET waits). sp_Blitz and dbachecks advise about 50, tuned from the plan cache. Skipped on Azure SQL Database, where it is not settable.";

    public override string? AzureSqlDatabaseSkip => "the setting is the service's, not the user's.";

    public override string Sql => """
        SELECT N'cost threshold for parallelism' AS target, CAST(c.value_in_use AS int) AS cost_threshold
        FROM sys.configurations AS c
        WHERE c.name = N'cost threshold for parallelism' AND CAST(c.value_in_use AS int) <= 5;
        """;

    protected override string Describe(LiveRow row, double? measured) => $"cost threshold for parallelism is {row.String("cost_threshold")}.";

    protected override string Recommend(LiveRow row) => "EXEC sys.sp_configure N'cost threshold for parallelism', 50; RECONFIGURE; then tune it from the costs of the plans that go parallel.";
}
