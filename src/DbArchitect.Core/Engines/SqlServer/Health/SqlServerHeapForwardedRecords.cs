using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>HEAP_FORWARDED_RECORDS: heaps whose reads follow forwarding pointers.</summary>
internal sealed class SqlServerHeapForwardedRecords : SqlServerHealthCheck
{
    public override string Id => "HEAP_FORWARDED_RECORDS";

    public override string Title => "Heap with forwarded records";

    public override string Category => "Performance";

    public override string Description => "Forwarded fetches on heaps since the server started (sys.dm_db_index_operational_stats, index_id 0): a row that grew and moved leaves a pointer every read must follow. 1000 warning, 100000 critical.";

    public override HealthThreshold DefaultThreshold => new(1000, 100000, "fetches");

    public override string Sql => """
        SELECT OBJECT_SCHEMA_NAME(os.object_id) + N'.' + OBJECT_NAME(os.object_id) AS target, SUM(os.forwarded_fetch_count) AS measured
        FROM sys.dm_db_index_operational_stats(DB_ID(), NULL, NULL, NULL) AS os
        WHERE os.index_id = 0 AND OBJECTPROPERTY(os.object_id, 'IsMsShipped') = 0
        GROUP BY os.object_id;
        """;

    protected override string Describe(LiveRow row, double? measured) => $"{HealthThreshold.Format(measured ?? 0)} forwarded fetches.";

    protected override string Recommend(LiveRow row) => "Give the table a clustered index (usually its primary key); meanwhile ALTER TABLE … REBUILD removes the forwarding pointers.";
}
