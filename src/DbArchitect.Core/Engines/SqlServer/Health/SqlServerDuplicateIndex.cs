using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>DUPLICATE_INDEX: indexes with the same key columns, included columns and filter as another on the table.</summary>
internal sealed class SqlServerDuplicateIndex : SqlServerHealthCheck
{
    public override string Id => "DUPLICATE_INDEX";

    public override string Title => "Duplicate index";

    public override string Category => "Indexes";

    public override string Description => "Two rowstore indexes of a table with identical key columns (order and direction), included columns and filter. The later one (by index id), or the non-unique one, is reported; primary keys never are.";

    public override string Sql => """
        WITH ix AS (
          SELECT i.object_id, i.index_id, i.name, i.is_unique, i.is_primary_key, ISNULL(i.filter_definition, N'') AS filter_definition,
                 (SELECT CAST(ic.column_id AS nvarchar(10)) + CASE WHEN ic.is_descending_key = 1 THEN N'd' ELSE N'a' END + N','
                  FROM sys.index_columns AS ic WHERE ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.is_included_column = 0
                  ORDER BY ic.key_ordinal FOR XML PATH(N'')) AS key_columns,
                 (SELECT CAST(ic.column_id AS nvarchar(10)) + N','
                  FROM sys.index_columns AS ic WHERE ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.is_included_column = 1
                  ORDER BY ic.column_id FOR XML PATH(N'')) AS included_columns
          FROM sys.indexes AS i
          WHERE i.type IN (1, 2) AND OBJECTPROPERTY(i.object_id, 'IsMsShipped') = 0)
        SELECT OBJECT_SCHEMA_NAME(a.object_id) + N'.' + OBJECT_NAME(a.object_id) + N'.' + a.name AS target, b.name AS duplicate_of
        FROM ix AS a
        JOIN ix AS b ON b.object_id = a.object_id AND b.index_id <> a.index_id AND b.key_columns = a.key_columns
                    AND ISNULL(b.included_columns, N'') = ISNULL(a.included_columns, N'') AND b.filter_definition = a.filter_definition
        WHERE a.is_primary_key = 0
          AND ((a.is_unique = 0 AND b.is_unique = 1) OR b.is_primary_key = 1 OR (a.is_unique = b.is_unique AND a.index_id > b.index_id));
        """;

    protected override string Describe(LiveRow row, double? measured) => $"Same definition as {row.String("duplicate_of")}.";

    protected override string Recommend(LiveRow row) => "Drop this index after checking no query hint names it.";
}
