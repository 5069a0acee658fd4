namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// Import-DbSchema's catalog queries for SQL Server 2022, one per kind of object over every schema named in
/// @schemas (a comma-separated list, split with STRING_SPLIT), never one per table. These are the text <see cref="SqlServerInspector"/> runs, proven to parse with ScriptDom's TSql160Parser
/// and to name only views and columns of the catalog contract (tests/fixtures/sqlserver-catalog). A system-versioned
/// table's history table (temporal_type 1) is not a table of its own: its parent names it.
/// </summary>
public static class SqlServerCatalogQueries
{
    public const string Tables = """
        SELECT s.name AS schema_name, t.name AS table_name, CAST(ep.value AS nvarchar(4000)) AS comment,
               ps.name AS partition_scheme, SUM(p.rows) AS estimated_rows, t.temporal_type_desc AS temporal_type,
               hs.name + N'.' + ht.name AS history_table, t.is_memory_optimized AS is_memory_optimized, t.durability_desc AS durability
        FROM sys.tables AS t
        JOIN sys.schemas AS s ON s.schema_id = t.schema_id
        LEFT JOIN sys.tables AS ht ON ht.object_id = t.history_table_id
        LEFT JOIN sys.schemas AS hs ON hs.schema_id = ht.schema_id
        LEFT JOIN sys.extended_properties AS ep ON ep.major_id = t.object_id AND ep.minor_id = 0 AND ep.class = 1 AND ep.name = N'MS_Description'
        LEFT JOIN sys.indexes AS hi ON hi.object_id = t.object_id AND hi.index_id IN (0, 1)
        LEFT JOIN sys.partition_schemes AS ps ON ps.data_space_id = hi.data_space_id
        LEFT JOIN sys.partitions AS p ON p.object_id = t.object_id AND p.index_id IN (0, 1)
        WHERE s.name IN (SELECT value FROM STRING_SPLIT(@schemas, N',')) AND t.is_ms_shipped = 0 AND t.temporal_type <> 1
        GROUP BY s.name, t.name, CAST(ep.value AS nvarchar(4000)), ps.name, t.temporal_type_desc, hs.name, ht.name, t.is_memory_optimized, t.durability_desc
        ORDER BY s.name, t.name;
        """;

    public const string Columns = """
        SELECT s.name AS schema_name, t.name AS table_name, c.name AS column_name, c.column_id AS position,
               CASE
                   WHEN ty.name IN (N'varchar', N'char', N'varbinary', N'binary') THEN ty.name + N'(' + CASE WHEN c.max_length = -1 THEN N'max' ELSE CAST(c.max_length AS nvarchar(10)) END + N')'
                   WHEN ty.name IN (N'nvarchar', N'nchar') THEN ty.name + N'(' + CASE WHEN c.max_length = -1 THEN N'max' ELSE CAST(c.max_length / 2 AS nvarchar(10)) END + N')'
                   WHEN ty.name IN (N'decimal', N'numeric') THEN ty.name + N'(' + CAST(c.precision AS nvarchar(10)) + N',' + CAST(c.scale AS nvarchar(10)) + N')'
                   WHEN ty.name IN (N'datetime2', N'datetimeoffset', N'time') THEN ty.name + N'(' + CAST(c.scale AS nvarchar(10)) + N')'
                   ELSE ty.name
               END AS native_type,
               c.is_nullable AS is_nullable, c.is_identity AS is_identity, c.is_computed AS is_computed,
               cc.definition AS computed_expression, cc.is_persisted AS is_persisted,
               CAST(idc.seed_value AS bigint) AS identity_seed, CAST(idc.increment_value AS bigint) AS identity_increment,
               c.generated_always_type_desc AS generated_always,
               OBJECT_DEFINITION(c.default_object_id) AS default_expression, CAST(ep.value AS nvarchar(4000)) AS comment
        FROM sys.columns AS c
        JOIN sys.tables AS t ON t.object_id = c.object_id
        JOIN sys.schemas AS s ON s.schema_id = t.schema_id
        JOIN sys.types AS ty ON ty.user_type_id = c.user_type_id
        LEFT JOIN sys.computed_columns AS cc ON cc.object_id = c.object_id AND cc.column_id = c.column_id
        LEFT JOIN sys.identity_columns AS idc ON idc.object_id = c.object_id AND idc.column_id = c.column_id
        LEFT JOIN sys.extended_properties AS ep ON ep.major_id = c.object_id AND ep.minor_id = c.column_id AND ep.class = 1 AND ep.name = N'MS_Description'
        WHERE s.name IN (SELECT value FROM STRING_SPLIT(@schemas, N',')) AND t.temporal_type <> 1
        ORDER BY s.name, t.name, c.column_id;
        """;

    /// <summary>Primary and unique keys with their key columns in order.</summary>
    public const string Keys = """
        SELECT s.name AS schema_name, t.name AS table_name, kc.name AS name, kc.type AS kind, c.name AS column_name, ic.key_ordinal AS position
        FROM sys.key_constraints AS kc
        JOIN sys.tables AS t ON t.object_id = kc.parent_object_id
        JOIN sys.schemas AS s ON s.schema_id = t.schema_id
        JOIN sys.index_columns AS ic ON ic.object_id = kc.parent_object_id AND ic.index_id = kc.unique_index_id
        JOIN sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
        WHERE s.name IN (SELECT value FROM STRING_SPLIT(@schemas, N','))
        ORDER BY s.name, t.name, kc.name, ic.key_ordinal;
        """;

    public const string ForeignKeys = """
        SELECT s.name AS schema_name, t.name AS table_name, fk.name AS name, pc.name AS column_name, rt.name AS referenced_table,
               rc.name AS referenced_column, fkc.constraint_column_id AS position, fk.delete_referential_action_desc AS on_delete,
               fk.is_not_trusted AS not_trusted
        FROM sys.foreign_keys AS fk
        JOIN sys.foreign_key_columns AS fkc ON fkc.constraint_object_id = fk.object_id
        JOIN sys.tables AS t ON t.object_id = fk.parent_object_id
        JOIN sys.schemas AS s ON s.schema_id = t.schema_id
        JOIN sys.tables AS rt ON rt.object_id = fk.referenced_object_id
        JOIN sys.columns AS pc ON pc.object_id = fkc.parent_object_id AND pc.column_id = fkc.parent_column_id
        JOIN sys.columns AS rc ON rc.object_id = fkc.referenced_object_id AND rc.column_id = fkc.referenced_column_id
        WHERE s.name IN (SELECT value FROM STRING_SPLIT(@schemas, N','))
        ORDER BY s.name, t.name, fk.name, fkc.constraint_column_id;
        """;

    public const string Checks = """
        SELECT s.name AS schema_name, t.name AS table_name, cc.name AS name, c.name AS column_name, cc.definition AS expression,
               cc.is_not_trusted AS not_trusted
        FROM sys.check_constraints AS cc
        JOIN sys.tables AS t ON t.object_id = cc.parent_object_id
        JOIN sys.schemas AS s ON s.schema_id = t.schema_id
        LEFT JOIN sys.columns AS c ON c.object_id = cc.parent_object_id AND c.column_id = cc.parent_column_id
        WHERE s.name IN (SELECT value FROM STRING_SPLIT(@schemas, N','))
        ORDER BY s.name, t.name, cc.name;
        """;

    /// <summary>Indexes no key constraint owns, one row per key or included column, with the filter and the comment.</summary>
    public const string Indexes = """
        SELECT s.name AS schema_name, t.name AS table_name, i.name AS name, i.type_desc AS method, i.is_unique AS is_unique,
               i.filter_definition AS predicate, c.name AS column_name, ic.key_ordinal AS position, ic.is_descending_key AS descending,
               ic.is_included_column AS included, CAST(ep.value AS nvarchar(4000)) AS comment
        FROM sys.indexes AS i
        JOIN sys.tables AS t ON t.object_id = i.object_id
        JOIN sys.schemas AS s ON s.schema_id = t.schema_id
        JOIN sys.index_columns AS ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
        JOIN sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
        LEFT JOIN sys.extended_properties AS ep ON ep.major_id = i.object_id AND ep.minor_id = i.index_id AND ep.class = 7 AND ep.name = N'MS_Description'
        WHERE s.name IN (SELECT value FROM STRING_SPLIT(@schemas, N',')) AND i.index_id > 0 AND i.is_primary_key = 0 AND i.is_unique_constraint = 0 AND i.is_hypothetical = 0
        ORDER BY s.name, t.name, i.name, ic.is_included_column, ic.key_ordinal, ic.index_column_id;
        """;

    public const string SequencesViewsAndPolicies = """
        SELECT s.name AS schema_name, o.name AS name, o.type_desc AS kind, TYPE_NAME(sq.system_type_id) AS data_type,
               CAST(sq.start_value AS bigint) AS start_value, CAST(sq.increment AS bigint) AS increment,
               CAST(sq.minimum_value AS bigint) AS minimum_value, CAST(sq.maximum_value AS bigint) AS maximum_value,
               sq.cache_size AS cache_size, sq.is_cycling AS is_cycling
        FROM sys.objects AS o
        JOIN sys.schemas AS s ON s.schema_id = o.schema_id
        LEFT JOIN sys.sequences AS sq ON sq.object_id = o.object_id
        WHERE s.name IN (SELECT value FROM STRING_SPLIT(@schemas, N',')) AND o.type IN ('SO', 'V', 'SP') AND o.is_ms_shipped = 0
        ORDER BY s.name, o.name;
        """;

    public static IReadOnlyList<string> All { get; } = new[] { Tables, Columns, Keys, ForeignKeys, Checks, Indexes, SequencesViewsAndPolicies };
}
