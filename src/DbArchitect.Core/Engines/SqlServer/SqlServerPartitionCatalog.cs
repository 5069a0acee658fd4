using System.Globalization;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Live;
using DbArchitect.Core.Model;
using DbArchitect.Core.Partitioning;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Schema;
using W = DbArchitect.Core.Engines.SqlServer.SqlServerWriter;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// Reads an existing SQL Server table for a partition plan: its schema through the import's set-wise catalog queries
/// (columns, keys, foreign keys both ways within the schema, indexes), its size from sys.dm_db_partition_stats and the
/// key's range from the table itself.
/// </summary>
internal static class SqlServerPartitionCatalog
{
    /// <summary>Rows of the heap or clustered index and the pages of every index of one table.</summary>
    public const string SizeSql = """
        SELECT SUM(CASE WHEN ps.index_id IN (0, 1) THEN ps.row_count ELSE 0 END) AS row_count, SUM(ps.used_page_count) * 8192 AS bytes
        FROM sys.dm_db_partition_stats AS ps
        WHERE ps.object_id = OBJECT_ID(@table);
        """;

    public static PartitionTarget Read(LiveSession session, string schema, string table, string? column)
    {
        var model = new SqlServerInspector().Inspect(session, new SchemaFilter(new[] { schema })).FirstOrDefault(m => m.Schema == schema);
        var live = model?.FindTable(table) ?? throw new DbArchitectException(new DbArchitectError("PartitionTableNotFound", ErrorKind.ObjectNotFound,
            $"Table {schema}.{table} does not exist in the database.", "Check -Table (schema.table; dbo when no schema is given).", null, table));
        if (live.PartitionBy is { } scheme)
        {
            throw new DbArchitectException(new DbArchitectError("PartitionTableAlreadyPartitioned", ErrorKind.InvalidData,
                $"Table {schema}.{table} is already partitioned (scheme {scheme}).", "Manage its partitions with the sliding-window procedure instead.", null, table));
        }

        var size = session.Query(SizeSql, "read the size", new Dictionary<string, object?> { ["@table"] = W.Qualified(schema, table) }).FirstOrDefault();
        var target = Target(model!, live, size?.Int64("row_count") ?? 0, size?.Int64("bytes") ?? 0, column);
        if (column is null || !target.HasColumn(column))
        {
            return target;
        }

        return target.KindOf(column) switch
        {
            PartitionKeyKind.Timestamp or PartitionKeyKind.Date => WithTimeRange(session, target, column),
            PartitionKeyKind.Integer => WithNumberRange(session, target, column),
            _ => target,
        };
    }

    /// <summary>The imported table as a partition target: the pure part, tested on catalog rows.</summary>
    internal static PartitionTarget Target(SchemaModel model, Table table, long rows, long bytes, string? column) =>
        new(
            model.Schema,
            table.Name,
            table.Columns.Select(c => (c.Name, Kind(c.NativeType ?? string.Empty), c.NativeType ?? string.Empty)).ToList(),
            table.PrimaryKey.Columns.Count == 0 ? null : new TargetKey(table.PrimaryKey.Name, table.PrimaryKey.Columns)
            {
                Generated = table.PrimaryKey.Columns.Any(c => table.FindColumn(c)?.Generation is KeyGeneration.Identity or KeyGeneration.RandomUuid),
            },
            table.UniqueKeys.Select(u => new TargetKey(u.Name, u.Columns))
                .Concat(table.Indexes.Where(i => i.Unique).Select(i => new TargetKey(i.Name, i.Keys.Select(k => k.Column!).ToList()) { Definition = Definition(i) }))
                .ToList(),
            table.ForeignKeys.Select(f => new TargetForeignKey(f.Name, table.Name, f.Columns, f.ReferencedTable, f.ReferencedColumns)).ToList(),
            model.Tables.SelectMany(t => t.ForeignKeys.Where(f => f.ReferencedTable == table.Name)
                    .Select(f => new TargetForeignKey(f.Name, t.Name, f.Columns, table.Name, f.ReferencedColumns) { OnDelete = OnDelete(f.OnDelete) }))
                .ToList())
        {
            Exists = true,
            Rows = rows,
            TotalBytes = bytes,
            BytesPerRow = rows > 0 ? bytes / (double)rows : null,
            LiveIndexes = table.Indexes.Select(i => (i.Name, (IReadOnlyList<string>)i.Keys.Select(k => k.Column!).ToList(), i.Unique, Definition(i))).ToList(),
            DefaultKey = column,
        };

    /// <summary>What comes after the table in CREATE INDEX: "([a] ASC, [b] DESC) INCLUDE ([c]) WHERE ([d] IS NULL)", or the columnstore's own kind.</summary>
    internal static string Definition(Model.Index index)
    {
        if (index.Definition is { } definition && definition.Contains("COLUMNSTORE", StringComparison.Ordinal))
        {
            return definition;
        }

        var text = "(" + W.List(index.Keys.Select(k => W.Id(k.Column!) + (k.Descending ? " DESC" : " ASC"))) + ")";
        if (index.Include.Count > 0)
        {
            text += $" INCLUDE ({W.IdList(index.Include)})";
        }

        return index.Predicate is { Tests.Count: > 0 } predicate ? text + " WHERE " + SqlServerExpressions.Predicate(predicate)
            : index.Definition is { } filter ? text + " " + filter
            : text;
    }

    internal static PartitionKeyKind Kind(string nativeType) => nativeType.Split('(')[0].Trim().ToLowerInvariant() switch
    {
        "datetime2" or "datetime" or "datetimeoffset" or "smalldatetime" => PartitionKeyKind.Timestamp,
        "date" => PartitionKeyKind.Date,
        "bigint" or "int" or "smallint" or "tinyint" => PartitionKeyKind.Integer,
        "nvarchar" or "varchar" or "nchar" or "char" => PartitionKeyKind.Text,
        _ => PartitionKeyKind.Other,
    };

    /// <summary>The key's range as ISO text in UTC (a datetimeoffset is switched to +00:00 first).</summary>
    internal static string TimeRangeSql(PartitionTarget target, string column)
    {
        var id = W.Id(column);
        string Bound(string aggregate) => (target.NativeTypeOf(column) ?? string.Empty).StartsWith("datetimeoffset", StringComparison.OrdinalIgnoreCase)
            ? $"CONVERT(varchar(19), CAST(SWITCHOFFSET({aggregate}({id}), '+00:00') AS datetime2(0)), 126)"
            : $"CONVERT(varchar(19), CAST({aggregate}({id}) AS datetime2(0)), 126)";
        return $"SELECT {Bound("MIN")} AS low, {Bound("MAX")} AS high FROM {W.Qualified(target.Schema, target.Name)};";
    }

    internal static string NumberRangeSql(PartitionTarget target, string column) =>
        $"SELECT CAST(MIN({W.Id(column)}) AS bigint) AS low, CAST(MAX({W.Id(column)}) AS bigint) AS high FROM {W.Qualified(target.Schema, target.Name)};";

    private static PartitionTarget WithTimeRange(LiveSession session, PartitionTarget target, string column)
    {
        var range = session.Query(TimeRangeSql(target, column), "read the key range")[0];
        if (range.String("low") is not { } low || range.String("high") is not { } high)
        {
            return target;
        }

        return target.WithTimeRange(DateTime.Parse(low, CultureInfo.InvariantCulture), DateTime.Parse(high, CultureInfo.InvariantCulture), target.Rows ?? 0, column);
    }

    private static PartitionTarget WithNumberRange(LiveSession session, PartitionTarget target, string column)
    {
        var range = session.Query(NumberRangeSql(target, column), "read the key range")[0];
        return target with { KeyMinNumber = range.Int64("low"), KeyMaxNumber = range.Int64("high"), VolumeBasis = "the live table" };
    }

    private static string OnDelete(DeleteAction action) => action switch
    {
        DeleteAction.Cascade => "CASCADE",
        DeleteAction.SetNull => "SET NULL",
        _ => "NO ACTION",
    };
}
