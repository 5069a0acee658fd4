using System.Diagnostics;
using System.Globalization;
using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>
/// TABLE_BLOAT's -Deep measurement on InnoDB: how much of a table's files its rows really need, read from the pages
/// themselves rather than from DATA_FREE (which counts only wholly free extents and misses half-empty pages and the
/// free pages inside an index's own extents). Each bounded table is read once per index (a full scan of the clustered
/// index, summing the long values of rows too large to keep them on their page, then a covering scan of each secondary index), which
/// brings its pages into the buffer pool; information_schema.INNODB_BUFFER_PAGE then gives the bytes of records on
/// every page of the table. A rebuild packs those records at InnoDB's 15/16 page fill, in files that keep one
/// allocation step (<see cref="SlackPerFile"/>) of reserve each; the rest of the allocated size is what it returns.
/// </summary>
internal static class MySqlPageFill
{
    /// <summary>Tables smaller than this are not worth a rebuild (the metadata check's bound too).</summary>
    public const long MinBytes = 10L << 20;

    /// <summary>Tables larger than this are not scanned: a full read of every index, under the -Deep budget.</summary>
    public const long MaxBytes = 1L << 30;

    /// <summary>INNODB_BUFFER_PAGE lists every page of the pool (about 64 bytes of server memory each): above this pool size it is not read.</summary>
    public const long MaxPoolBytes = 8L << 30;

    /// <summary>What a freshly rebuilt file-per-table tablespace keeps beyond its pages (InnoDB extends files in steps of 4 extents).</summary>
    public const long SlackPerFile = 4L << 20;

    /// <summary>InnoDB leaves 1/16 of each page free when it builds an index in order (innodb_fill_factor = 100).</summary>
    private const double RebuildFill = 15.0 / 16.0;

    /// <summary>The InnoDB tables of the current database whose files hold 10 MB or more, by their real allocated size.</summary>
    public static string FilesSql(HealthCheckContext context) => $"""
        SELECT t.table_name, SUM(ts.allocated_size) AS allocated_bytes, COUNT(*) AS files
        FROM information_schema.tables t
        JOIN information_schema.{(MySqlHealth.IsMariaDb(context) ? "innodb_sys_tablespaces" : "innodb_tablespaces")} ts
          ON ts.name = CONCAT(t.table_schema, '/', t.table_name)
          OR LEFT(ts.name, CHAR_LENGTH(t.table_schema) + CHAR_LENGTH(t.table_name) + 4) = CONCAT(t.table_schema, '/', t.table_name, '#P#')
        WHERE t.table_schema = DATABASE() AND t.engine = 'InnoDB' AND t.table_type = 'BASE TABLE'
        GROUP BY t.table_name
        HAVING SUM(ts.allocated_size) >= {MinBytes.ToString(CultureInfo.InvariantCulture)}
        ORDER BY allocated_bytes, t.table_name
        """;

    /// <summary>
    /// Page-fill rows (method page_fill) for the tables it could measure within the bounds and the -Deep budget; the
    /// names it could not are left for the metadata estimate.
    /// </summary>
    public static IReadOnlyList<LiveRow> Measure(HealthCheckContext context)
    {
        var pool = Convert.ToInt64(context.Session.Scalar("SELECT @@innodb_buffer_pool_size", "Reading the buffer pool size"), CultureInfo.InvariantCulture);
        if (pool > MaxPoolBytes)
        {
            return Array.Empty<LiveRow>();
        }

        var pageSize = Convert.ToInt64(context.Session.Scalar("SELECT @@innodb_page_size", "Reading the page size"), CultureInfo.InvariantCulture);
        var bound = Math.Min(MaxBytes, pool / 2);
        var clock = Stopwatch.StartNew();
        var rows = new List<LiveRow>();
        foreach (var file in context.Query(FilesSql(context), "Reading the tables' file sizes"))
        {
            var allocated = file.Int64("allocated_bytes") ?? 0;
            if (allocated > bound || clock.Elapsed > context.Options.DeepBudget)
            {
                continue;
            }

            var table = file.String("table_name") ?? string.Empty;
            if (MeasureTable(context, table, allocated, file.Int64("files") ?? 1, pageSize) is { } row)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static LiveRow? MeasureTable(HealthCheckContext context, string table, long allocated, long files, long pageSize)
    {
        var columns = context.Query(ColumnsSql(table), $"Reading the indexes and long columns of {table}");
        var offPage = columns.Where(c => c.String("kind") == "long").Select(c => c.String("name") ?? string.Empty).ToList();
        var secondary = columns.Where(c => c.String("kind") == "index").Select(c => c.String("name") ?? string.Empty).ToList();

        // The clustered index: a full table scan (USE INDEX () allows no other index). A row's long values leave the page
        // only when the row does not fit in half a page (DYNAMIC and COMPRESSED rows): those rows' long values are
        // counted in whole overflow pages (all of them, a little more than InnoDB moves: the estimate errs towards less waste).
        var lengths = offPage.Count == 0 ? "0" : string.Join(" + ", offPage.Select(c => $"COALESCE(LENGTH({MySqlWriter.Id(c)}), 0)"));
        var overflow = ((pageSize / 2) - 400).ToString(CultureInfo.InvariantCulture);
        var page = pageSize.ToString(CultureInfo.InvariantCulture);
        var blobPayload = (pageSize - 50).ToString(CultureInfo.InvariantCulture);
        var scan = context.Query($"SELECT COUNT(*) AS row_count, COALESCE(SUM(CASE WHEN {lengths} > {overflow} THEN CEIL(({lengths}) / {blobPayload}) * {page} ELSE 0 END), 0) AS off_page_bytes FROM {MySqlWriter.Id(table)} USE INDEX ()", $"Reading every page of {table}").Single();
        var rowCount = scan.Int64("row_count") ?? 0;
        foreach (var index in secondary)
        {
            context.Query($"SELECT COUNT(*) AS row_count FROM {MySqlWriter.Id(table)} FORCE INDEX ({MySqlWriter.Id(index)})", $"Reading every page of {table}.{index}");
        }

        var pages = context.Query(BufferPagesSql(context.Database, table), $"Reading the buffered pages of {table}");
        var pageCount = pages.Sum(p => p.Int64("pages") ?? 0);
        var recordBytes = pages.Sum(p => p.Int64("record_bytes") ?? 0);

        // Every index holds at least one record per row; fewer on its buffered pages means some were evicted before
        // they were counted, and a partial count would overstate the waste.
        var indexes = secondary.Count + 1;
        if (pages.Count < indexes || pages.Any(p => (p.Int64("records") ?? 0) < rowCount))
        {
            return null;
        }

        var needed = (long)(recordBytes / RebuildFill) + (scan.Int64("off_page_bytes") ?? 0);
        var reclaimable = Math.Max(0, allocated - needed - (SlackPerFile * files));
        var fill = pageCount == 0 ? 0 : 100.0 * recordBytes / (pageCount * pageSize);
        return new LiveRow(new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["target"] = table,
            ["table_name"] = table,
            ["method"] = "page_fill",
            ["allocated_bytes"] = allocated,
            ["needed_bytes"] = needed,
            ["index_pages"] = pageCount,
            ["page_fill_pct"] = Math.Round(fill, 1),
            ["measured"] = Math.Round(100.0 * reclaimable / allocated, 1),
        });
    }

    /// <summary>The table's scannable secondary indexes, and the columns long enough to be stored off-page (DYNAMIC/COMPRESSED rows).</summary>
    private static string ColumnsSql(string table) => $"""
        SELECT DISTINCT 'index' AS kind, index_name AS name FROM information_schema.statistics
        WHERE table_schema = DATABASE() AND table_name = {MySqlWriter.String(table)} AND index_name <> 'PRIMARY' AND index_type = 'BTREE'
        UNION ALL
        SELECT 'long', column_name FROM information_schema.columns
        WHERE table_schema = DATABASE() AND table_name = {MySqlWriter.String(table)}
          AND (data_type IN ('tinyblob', 'blob', 'mediumblob', 'longblob', 'tinytext', 'text', 'mediumtext', 'longtext', 'json', 'geometry')
               OR (data_type IN ('varchar', 'varbinary') AND character_octet_length > 255))
        """;

    /// <summary>The buffered index pages of the table (and its partitions), as INNODB_BUFFER_PAGE names them: `db`.`t` /* Partition `p` */.</summary>
    private static string BufferPagesSql(string database, string table)
    {
        // INNODB_BUFFER_PAGE quotes every name, needed or not (the writer's identifiers are quoted only when needed).
        var name = $"{Backquoted(database)}.{Backquoted(table)}";
        var partition = name + " /* Partition ";
        return $"""
            SELECT index_name, COUNT(*) AS pages, SUM(data_size) AS record_bytes, SUM(number_records) AS records
            FROM information_schema.innodb_buffer_page
            WHERE page_type = 'INDEX' AND (table_name = {MySqlWriter.String(name)} OR LEFT(table_name, {partition.Length.ToString(CultureInfo.InvariantCulture)}) = {MySqlWriter.String(partition)})
            GROUP BY index_name
            """;
    }

    private static string Backquoted(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
}
