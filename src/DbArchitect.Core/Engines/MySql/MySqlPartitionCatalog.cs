using System.Globalization;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Live;
using DbArchitect.Core.Partitioning;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>Reads an existing MySQL/MariaDB table for a partition plan from information_schema: columns, keys, foreign keys both ways, indexes, volume.</summary>
internal static class MySqlPartitionCatalog
{
    public static PartitionTarget Read(LiveSession session, string? schema, string table, string? column)
    {
        var database = schema ?? session.Connection.Database;
        var p = new Dictionary<string, object?> { ["s"] = database, ["t"] = table };
        var columns = session.Query(
            "SELECT COLUMN_NAME AS name, DATA_TYPE AS base, COLUMN_TYPE AS type, EXTRA AS extra FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = @s AND TABLE_NAME = @t ORDER BY ORDINAL_POSITION",
            "read the columns", p);
        if (columns.Count == 0)
        {
            throw new DbArchitectException(new DbArchitectError("PartitionTableNotFound", ErrorKind.ObjectNotFound,
                $"Table {database}.{table} does not exist.", "Check -Table (database.table) and the connection's database.", null, table));
        }

        if (Convert.ToInt64(session.Scalar("SELECT COUNT(*) FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = @s AND TABLE_NAME = @t AND PARTITION_NAME IS NOT NULL", "check partitioning", p), CultureInfo.InvariantCulture) > 0)
        {
            throw new DbArchitectException(new DbArchitectError("PartitionTableAlreadyPartitioned", ErrorKind.InvalidData,
                $"Table {database}.{table} is already partitioned.", "Manage its partitions with the maintenance procedure.", null, table));
        }

        var indexes = session.Query(
            "SELECT INDEX_NAME AS name, NON_UNIQUE AS non_unique, GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX SEPARATOR ',') AS cols FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = @s AND TABLE_NAME = @t GROUP BY INDEX_NAME, NON_UNIQUE ORDER BY INDEX_NAME",
            "read the keys and indexes", p);
        var foreignKeys = session.Query(
            "SELECT k.CONSTRAINT_NAME AS name, k.TABLE_NAME AS tbl, k.REFERENCED_TABLE_NAME AS ref, GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ',') AS cols, "
            + "GROUP_CONCAT(k.REFERENCED_COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ',') AS ref_cols, MAX(r.DELETE_RULE) AS on_delete "
            + "FROM information_schema.KEY_COLUMN_USAGE AS k JOIN information_schema.REFERENTIAL_CONSTRAINTS AS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME "
            + "WHERE k.TABLE_SCHEMA = @s AND k.REFERENCED_TABLE_NAME IS NOT NULL AND (k.TABLE_NAME = @t OR k.REFERENCED_TABLE_NAME = @t) GROUP BY k.CONSTRAINT_NAME, k.TABLE_NAME, k.REFERENCED_TABLE_NAME ORDER BY k.CONSTRAINT_NAME",
            "read the foreign keys", p);
        var size = session.Query("SELECT TABLE_ROWS AS row_estimate, DATA_LENGTH + INDEX_LENGTH AS bytes FROM information_schema.TABLES WHERE TABLE_SCHEMA = @s AND TABLE_NAME = @t", "read the size", p)[0];
        var rows = size.Int64("row_estimate") ?? 0;
        var bytes = size.Int64("bytes") ?? 0;

        TargetKey Key(LiveRow r) => new(r.String("name")!, r.String("cols")!.Split(','));
        TargetForeignKey Fk(LiveRow r) => new(r.String("name")!, r.String("tbl")!, r.String("cols")!.Split(','), r.String("ref")!, r.String("ref_cols")!.Split(',')) { OnDelete = r.String("on_delete") };
        var target = new PartitionTarget(
            database,
            table,
            columns.Select(c => (c.String("name")!, Kind(c.String("base")!), c.String("type")!)).ToList(),
            indexes.Where(i => i.String("name") == "PRIMARY").Select(Key).FirstOrDefault(),
            indexes.Where(i => i.String("name") != "PRIMARY" && i.Int64("non_unique") == 0).Select(Key).ToList(),
            foreignKeys.Where(f => f.String("tbl") == table).Select(Fk).ToList(),
            foreignKeys.Where(f => f.String("ref") == table && f.String("tbl") != table).Select(Fk).ToList())
        {
            Exists = true,
            Rows = rows,
            TotalBytes = bytes,
            BytesPerRow = rows > 0 ? bytes / (double)rows : null,
            DefaultKey = column,
            LiveIndexes = indexes.Where(i => i.String("name") != "PRIMARY")
                .Select(i => (i.String("name")!, (IReadOnlyList<string>)i.String("cols")!.Split(','), i.Int64("non_unique") == 0, string.Empty))
                .ToList(),
        };
        if (column is null || !target.HasColumn(column) || target.KindOf(column) is not (PartitionKeyKind.Timestamp or PartitionKeyKind.Date))
        {
            return target;
        }

        var id = MySqlWriter.Id(column);
        var range = session.Query($"SELECT DATE_FORMAT(MIN({id}), '%Y-%m-%dT%H:%i:%s') AS low, DATE_FORMAT(MAX({id}), '%Y-%m-%dT%H:%i:%s') AS high, COUNT(*) AS exact FROM {MySqlWriter.Id(database)}.{MySqlWriter.Id(table)}", "read the key range")[0];
        if (range.String("low") is not { } low || range.String("high") is not { } high)
        {
            return target;
        }

        var exact = range.Int64("exact") ?? rows;
        return target.WithTimeRange(DateTime.Parse(low, CultureInfo.InvariantCulture), DateTime.Parse(high, CultureInfo.InvariantCulture), exact, column) with
        {
            Rows = exact,
            BytesPerRow = exact > 0 ? bytes / (double)exact : null,
        };
    }

    private static PartitionKeyKind Kind(string type) => type.ToLowerInvariant() switch
    {
        "datetime" => PartitionKeyKind.Timestamp,
        "date" => PartitionKeyKind.Date,
        "tinyint" or "smallint" or "mediumint" or "int" or "bigint" => PartitionKeyKind.Integer,
        "varchar" or "char" or "enum" => PartitionKeyKind.Text,
        _ => PartitionKeyKind.Other,
    };
}
