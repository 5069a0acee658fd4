using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>TEMPDB_FILES: tempdb data files fewer than the cores (up to 8), unequal in size, or growing by percent.</summary>
internal sealed class SqlServerTempdbFiles : SqlServerHealthCheck
{
    public override string Id => "TEMPDB_FILES";

    public override string Title => "tempdb data files do not fit the cores";

    public override string Category => "Performance";

    public override string Description => "tempdb's data files (tempdb.sys.database_files): fewer than the logical CPUs up to 8, files of different sizes (the largest takes the allocations), or percent growth; each causes allocation contention (PAGELATCH waits on PFS/GAM/SGAM). Skipped on Azure SQL Database, whose tempdb the service configures.";

    public override string? AzureSqlDatabaseSkip => "the service configures tempdb.";

    public override string Sql => """
        WITH files AS (
          SELECT COUNT(*) AS data_files, MIN(f.size) AS smallest_pages, MAX(f.size) AS largest_pages,
                 SUM(CASE WHEN f.is_percent_growth = 1 THEN 1 ELSE 0 END) AS percent_growth_files
          FROM tempdb.sys.database_files AS f
          WHERE f.type = 0)
        SELECT N'tempdb' AS target, fi.data_files, fi.smallest_pages, fi.largest_pages, fi.percent_growth_files, si.cpu_count
        FROM files AS fi
        CROSS JOIN sys.dm_os_sys_info AS si;
        """;

    /// <summary>The data files tempdb should have: one per logical CPU, at most 8 to start with.</summary>
    internal static long Wanted(long cpus) => Math.Clamp(cpus, 1, 8);

    protected override HealthStatus StatusOf(LiveRow row, HealthStatus judged) =>
        (row.Int64("data_files") ?? 0) < Wanted(row.Int64("cpu_count") ?? 1) || row.Int64("smallest_pages") != row.Int64("largest_pages") || (row.Int64("percent_growth_files") ?? 0) > 0
            ? judged
            : HealthStatus.Pass;

    protected override string Describe(LiveRow row, double? measured) =>
        $"{row.String("data_files")} data file(s) for {row.String("cpu_count")} logical CPUs; sizes {row.String("smallest_pages")}–{row.String("largest_pages")} pages; {row.String("percent_growth_files")} growing by percent.";

    protected override string Recommend(LiveRow row) =>
        $"Give tempdb {Wanted(row.Int64("cpu_count") ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture)} data files of equal size with equal growth in MB (ALTER DATABASE tempdb ADD FILE / MODIFY FILE).";
}
