using System.Globalization;
using DbArchitect.Core.Indexing;
using DbArchitect.Core.Live;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// The current schema as information_schema describes it: rows (TABLES), columns, indexes with their cardinality
/// (STATISTICS), foreign keys (KEY_COLUMN_USAGE); index use from performance_schema when it is on.
/// </summary>
internal static class MySqlIndexCatalog
{
    private const string TablesSql = """
        SELECT TABLE_NAME AS table_name, coalesce(TABLE_ROWS, 0) AS row_count, coalesce(DATA_LENGTH, 0) AS data_bytes
        FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME
        """;

    private const string ColumnsSql = """
        SELECT TABLE_NAME AS table_name, COLUMN_NAME AS column_name, DATA_TYPE AS data_type, IS_NULLABLE AS nullable,
               coalesce(CHARACTER_MAXIMUM_LENGTH, 8) AS max_length
        FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION
        """;

    private const string IndexesSql = """
        SELECT TABLE_NAME AS table_name, INDEX_NAME AS index_name, COLUMN_NAME AS column_name, NON_UNIQUE AS non_unique,
               coalesce(CARDINALITY, 0) AS cardinality, COLLATION AS direction, INDEX_TYPE AS index_type
        FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX
        """;

    private const string ForeignKeysSql = """
        SELECT TABLE_NAME AS table_name, CONSTRAINT_NAME AS name, COLUMN_NAME AS column_name, REFERENCED_TABLE_NAME AS referenced
        FROM information_schema.KEY_COLUMN_USAGE
        WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION
        """;

    private const string UsageSql = """
        SELECT OBJECT_NAME AS table_name, INDEX_NAME AS index_name, COUNT_READ AS reads
        FROM performance_schema.table_io_waits_summary_by_index_usage WHERE OBJECT_SCHEMA = DATABASE() AND INDEX_NAME IS NOT NULL
        """;

    public static (IReadOnlyList<TableProfile> Tables, double? StatsAgeDays) Read(LiveSession session, List<string> notes)
    {
        var schema = Convert.ToString(session.Scalar("SELECT DATABASE()", "Reading the current schema"), CultureInfo.InvariantCulture) ?? string.Empty;
        var columns = session.Query(ColumnsSql, "Reading columns").ToLookup(r => r.String("table_name")!);
        var indexes = session.Query(IndexesSql, "Reading indexes (information_schema.STATISTICS)").ToLookup(r => r.String("table_name")!);
        var fks = session.Query(ForeignKeysSql, "Reading foreign keys").ToLookup(r => r.String("table_name")!);
        Dictionary<(string, string), long>? usage = null;
        double? age = null;
        if (Convert.ToInt64(session.Scalar("SELECT @@performance_schema", "Reading performance_schema"), CultureInfo.InvariantCulture) == 1)
        {
            usage = session.Query(UsageSql, "Reading index use (performance_schema)").ToDictionary(r => (r.String("table_name")!, r.String("index_name")!), r => r.Int64("reads") ?? 0);
            var uptime = session.Query("SHOW GLOBAL STATUS LIKE 'Uptime'", "Reading the server uptime").FirstOrDefault()?.Double("Value");
            age = uptime / 86400;
        }
        else
        {
            notes.Add("performance_schema is off on this server: index use is unknown, so no index is reported unused.");
        }

        var tables = new List<TableProfile>();
        foreach (var table in session.Query(TablesSql, "Reading tables"))
        {
            var name = table.String("table_name")!;
            var rows = table.Int64("row_count") ?? 0;
            var cardinality = indexes[name].Where(r => r.String("index_name") is { } ix && indexes[name].First(x => x.String("index_name") == ix).String("column_name") == r.String("column_name"))
                .GroupBy(r => r.String("column_name")!).ToDictionary(g => g.Key, g => g.Max(r => r.Int64("cardinality") ?? 0));
            var profiles = columns[name].Select(c => Column(c, rows, cardinality)).ToList();
            var existing = indexes[name].GroupBy(r => r.String("index_name")!).Select(g => Index(name, g.ToList(), usage)).ToList();
            var foreignKeys = fks[name].GroupBy(r => r.String("name")!).Select(g => new ForeignKeyProfile(g.Key, g.Select(r => r.String("column_name")!).ToList(), g.First().String("referenced")!)).ToList();
            tables.Add(new TableProfile(schema, name, rows, (table.Int64("data_bytes") ?? 0) / 16384, profiles, existing, foreignKeys));
        }

        return (tables, age);
    }

    private static ColumnProfile Column(LiveRow row, long rows, Dictionary<string, long> cardinality)
    {
        var name = row.String("column_name")!;
        var type = row.String("data_type") ?? string.Empty;
        var family = type is "json" || type == "longtext" && name.Contains("json", StringComparison.OrdinalIgnoreCase) ? ColumnFamily.Json
            : type is "char" or "varchar" or "text" or "mediumtext" or "longtext" or "tinytext" ? ColumnFamily.Text
            : type is "date" or "datetime" or "timestamp" ? ColumnFamily.Time
            : ColumnFamily.Other;
        var distinct = cardinality.TryGetValue(name, out var known) && known > 0 ? known : Math.Max(1, rows / 10.0);
        var width = (int)Math.Min(200, Math.Max(1, (row.Int64("max_length") ?? 8) / 3));
        return new ColumnProfile(name, distinct, row.String("nullable") == "YES" ? 0.1 : 0, width, 0, new Dictionary<string, double>(StringComparer.Ordinal), family);
    }

    private static ExistingIndex Index(string table, IReadOnlyList<LiveRow> parts, Dictionary<(string, string), long>? usage)
    {
        var name = parts[0].String("index_name")!;
        var unique = (parts[0].Int64("non_unique") ?? 1) == 0;
        var method = parts[0].String("index_type") == "FULLTEXT" ? IndexStructure.Inverted : IndexStructure.Ordered;
        var keys = parts.Select(p => new AdvisedKey(p.String("column_name") ?? "(expression)", p.String("column_name") is null ? KeyFunction.Raw : KeyFunction.None, null, p.String("direction") == "D", KeyMatch.Ordinary)).ToList();
        var definition = new IndexDefinition(table, keys, Array.Empty<string>(), method, Array.Empty<PredicateTest>(), unique, name);
        var scans = usage is null ? (long?)null : usage.TryGetValue((table, name), out var reads) ? reads : 0;
        return new ExistingIndex(definition, unique, scans, null);
    }
}
