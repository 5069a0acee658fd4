using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>FK_WITHOUT_INDEX: foreign keys whose first column leads no index of the referencing table.</summary>
internal sealed class SqlServerFkWithoutIndex : SqlServerHealthCheck
{
    public override string Id => "FK_WITHOUT_INDEX";

    public override string Title => "Foreign key without an index";

    public override string Category => "Indexes";

    public override string Description => "Foreign keys whose first column is not the leading key column of any index on the referencing table: deletes of the parent scan the child, and the scan's locks cause blocking and deadlocks.";

    public override Core.Health.HealthPriority Priority => Core.Health.HealthPriority.High;

    public override string Sql => """
        SELECT s.name + N'.' + t.name + N'.' + fk.name AS target, c.name AS first_column, OBJECT_NAME(fk.referenced_object_id) AS referenced_table
        FROM sys.foreign_keys AS fk
        JOIN sys.foreign_key_columns AS fkc ON fkc.constraint_object_id = fk.object_id AND fkc.constraint_column_id = 1
        JOIN sys.tables AS t ON t.object_id = fk.parent_object_id
        JOIN sys.schemas AS s ON s.schema_id = t.schema_id
        JOIN sys.columns AS c ON c.object_id = fkc.parent_object_id AND c.column_id = fkc.parent_column_id
        WHERE NOT EXISTS (
          SELECT 1 FROM sys.index_columns AS ic
          WHERE ic.object_id = fkc.parent_object_id AND ic.column_id = fkc.parent_column_id AND ic.key_ordinal = 1);
        """;

    protected override string Describe(LiveRow row, double? measured) => $"Foreign key on {row.String("first_column")} → {row.String("referenced_table")} has no index.";

    protected override string Recommend(LiveRow row) => "Create a nonclustered index on the foreign key's columns (ONLINE = ON on Enterprise).";
}
