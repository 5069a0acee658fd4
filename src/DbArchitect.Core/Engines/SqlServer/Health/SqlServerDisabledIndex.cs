using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>INVALID_INDEX: disabled indexes (a disabled clustered index makes the table unreadable).</summary>
internal sealed class SqlServerDisabledIndex : SqlServerHealthCheck
{
    public override string Id => "INVALID_INDEX";

    public override string Title => "Disabled index";

    public override string Category => "Indexes";

    public override string Description => "Indexes with is_disabled = 1: the optimizer cannot use them; a disabled clustered index takes the whole table offline, which is critical.";

    public override string Sql => """
        SELECT OBJECT_SCHEMA_NAME(i.object_id) + N'.' + OBJECT_NAME(i.object_id) + N'.' + i.name AS target, i.type_desc AS index_type
        FROM sys.indexes AS i
        WHERE i.is_disabled = 1 AND OBJECTPROPERTY(i.object_id, 'IsMsShipped') = 0;
        """;

    protected override Core.Health.HealthStatus StatusOf(LiveRow row, Core.Health.HealthStatus judged) =>
        row.String("index_type") == "CLUSTERED" ? Core.Health.HealthStatus.Critical : judged;

    protected override string Describe(LiveRow row, double? measured) => $"The {row.String("index_type")} index is disabled.";

    protected override string Recommend(LiveRow row) => "ALTER INDEX … REBUILD to enable it, or drop it if it is not needed.";
}
