using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>TABLE_WITHOUT_PK: user tables without a primary key (heaps or tables clustered on something else).</summary>
internal sealed class SqlServerTableWithoutPrimaryKey : SqlServerHealthCheck
{
    public override string Id => "TABLE_WITHOUT_PK";

    public override string Title => "Table without a primary key";

    public override string Category => "Schema";

    public override string Description => "User tables with no PRIMARY KEY constraint. Duplicates cannot be told apart, transactional replication and CDC-based tools refuse them, and heaps among them grow forwarded records.";

    public override string Sql => """
        SELECT s.name + N'.' + t.name AS target, CASE WHEN EXISTS (SELECT 1 FROM sys.indexes i WHERE i.object_id = t.object_id AND i.type = 0) THEN 1 ELSE 0 END AS is_heap
        FROM sys.tables AS t
        JOIN sys.schemas AS s ON s.schema_id = t.schema_id
        WHERE t.is_ms_shipped = 0
          AND NOT EXISTS (SELECT 1 FROM sys.key_constraints AS k WHERE k.parent_object_id = t.object_id AND k.type = 'PK');
        """;

    protected override string Describe(LiveRow row, double? measured) => row.Boolean("is_heap") == true ? "No primary key, and the table is a heap." : "No primary key.";

    protected override string Recommend(LiveRow row) => "Add a primary key (clustered, on a narrow ever-increasing key where possible).";
}
