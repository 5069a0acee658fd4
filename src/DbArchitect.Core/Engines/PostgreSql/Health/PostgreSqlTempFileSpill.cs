using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>TEMP_FILE_SPILL: sorts and hashes of this database that spilled to temporary files.</summary>
internal sealed class PostgreSqlTempFileSpill : PostgreSqlHealthCheck
{
    public override string Id => "TEMP_FILE_SPILL";

    public override string Title => "Temporary file spill";

    public override string Category => "Performance";

    public override string Description => "GB written to temporary files by this database since statistics were reset (pg_stat_database.temp_bytes): sorts and hashes larger than work_mem. Warning at 1 GB per day of statistics, critical at 50 GB per day.";

    public override HealthThreshold DefaultThreshold => new(1, 50, "GB/day");

    public override string Sql => """
        SELECT datname AS target, temp_files, temp_bytes,
               round((temp_bytes / 1073741824.0) / greatest(extract(epoch FROM now() - coalesce(stats_reset, pg_postmaster_start_time())) / 86400.0, 1)::numeric, 3) AS measured,
               current_setting('work_mem') AS work_mem
        FROM pg_stat_database WHERE datname = current_database()
        """;

    protected override string Describe(LiveRow row, double? measured) =>
        $"{row.String("temp_files")} temporary files, {HealthThreshold.Format(measured ?? 0)} GB per day (work_mem {row.String("work_mem")}).";

    protected override string Recommend(LiveRow row) => "Find the statements with temp_blks_written in pg_stat_statements; raise work_mem for them (SET LOCAL) or add the index that avoids the sort.";
}
