using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>
/// TABLE_BLOAT: space a rebuild would return. By default from metadata (InnoDB's DATA_FREE as a share of the table's
/// size); with -Deep measured from the table's pages (<see cref="MySqlPageFill"/>) for the tables it can read within
/// its bounds, the metadata estimate standing for the rest.
/// </summary>
internal sealed class MySqlTableBloat : MySqlHealthCheck
{
    public override string Id => "TABLE_BLOAT";

    public override string Title => "Table fragmentation (free space)";

    public override string Category => "Vacuum";

    public override string Description => "Space a rebuild would return, as a % of an InnoDB table's size, for tables of 10 MB or more (file-per-table tablespaces). By default from metadata: DATA_FREE (wholly free extents) against data, indexes and free space — it cannot see half-empty pages, nor pages freed inside an index's own extents. With -Deep it is measured from the data on MariaDB and MySQL 8: each table whose files hold at most 1 GB and half the buffer pool is read once per B-tree index (a full scan of the clustered index that also sums the long values of rows too large for half a page, which InnoDB stores off-page, then a covering scan of each secondary index, so its pages enter the buffer pool's old sublist), INNODB_BUFFER_PAGE gives the bytes of records on its pages, and the reclaimable space is the file's allocated size (INNODB_SYS_TABLESPACES) less those records packed at InnoDB's 15/16 page fill and 4 MB of reserve per file. Skipped for a table whose pages were evicted before they were counted, for larger tables, once the -Deep budget is spent, and when the buffer pool exceeds 8 GB (INNODB_BUFFER_PAGE lists every page of the pool): those keep the metadata figure. Warning 50 %, critical 80 %: space left by deletes that only a rebuild returns.";

    public override string Needs => "read access to information_schema.tables; with -Deep, PROCESS (INNODB_SYS_TABLESPACES, INNODB_BUFFER_PAGE) and SELECT on the tables";

    public override HealthThreshold DefaultThreshold => new(50, 80, "%");

    public override HealthPriority Priority => HealthPriority.Low;

    public override string Sql => """
        SELECT table_name AS target, table_name, 'data_free' AS method, data_length, index_length, data_free,
               ROUND(100 * data_free / (data_length + index_length + data_free), 1) AS measured
        FROM information_schema.tables
        WHERE table_schema = DATABASE() AND engine = 'InnoDB' AND data_length + index_length + data_free >= 10485760
        """;

    /// <summary>With -Deep, the page measurements first and the metadata estimate for the tables they could not cover.</summary>
    protected override IReadOnlyList<LiveRow> Candidates(HealthCheckContext context)
    {
        var estimated = base.Candidates(context);
        if (!context.Options.Deep)
        {
            return estimated;
        }

        var measured = MySqlPageFill.Measure(context);
        var covered = measured.Select(r => r.String("table_name")).ToHashSet(StringComparer.Ordinal);
        return measured.Concat(estimated.Where(r => !covered.Contains(r.String("table_name")))).ToList();
    }

    protected override string Describe(LiveRow row, double? measured) => row.String("method") == "page_fill"
        ? $"A rebuild would return about {HealthThreshold.Format(measured ?? 0)} % of its {Megabytes(row, "allocated_bytes")} MB: its rows need {Megabytes(row, "needed_bytes")} MB, its {row.String("index_pages")} index pages are {row.String("page_fill_pct")} % full (measured from the pages)."
        : $"{row.String("data_free")} bytes free inside the table ({HealthThreshold.Format(measured ?? 0)} %, from DATA_FREE).";

    protected override string Recommend(LiveRow row) => "Rebuild it online (ALTER TABLE … FORCE, or OPTIMIZE TABLE) at a quiet time.";

    protected override string PassMessage(IReadOnlyList<LiveRow> rows, HealthThreshold threshold)
    {
        var fromPages = rows.Count(r => r.String("method") == "page_fill");
        return $"Nothing found ({rows.Count} table(s) of 10 MB or more examined, {fromPages} of them measured from their pages).";
    }

    private static string Megabytes(LiveRow row, string column) => HealthThreshold.Format(Math.Round((row.Double(column) ?? 0) / 1048576, 1));
}
