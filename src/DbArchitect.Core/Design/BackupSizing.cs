using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Design;

/// <summary>
/// The one place the backup plan gets its sizes from: table and index bytes (out-of-line values included) at the planning horizon (one year;
/// the forecast already caps it at the retention when that is shorter) and the bytes written per day, all from the
/// engine's <see cref="CapacityForecast"/>.
/// </summary>
internal static class BackupSizing
{
    /// <summary>Full-page images after each checkpoint roughly double the log volume of the row and index bytes written.</summary>
    internal const double LogAmplification = 2.0;

    public static BackupSize Project(DbRequirement requirement, IReadOnlyList<TableCapacity> tables, Func<string, long?> rowsPerDay)
    {
        long data = 0, index = 0, writtenPerDay = 0;
        foreach (var table in tables)
        {
            data += table.HeapBytes.OneYear + table.ToastBytes.OneYear;
            index += table.IndexBytes.OneYear;
            var rows = table.Rows.OneYear;
            var perRow = rows > 0 ? table.TotalBytes.OneYear / (double)rows : table.RowBytes;
            writtenPerDay += (long)((rowsPerDay(table.Table) ?? 0) * perRow);
        }

        return new BackupSize(data, index, writtenPerDay, (long)(writtenPerDay * LogAmplification),
            requirement.Workload.Retention is { } retention && retention.Days < 365.25 ? $"the {retention} retention" : "one year",
            "the capacity forecast's table and index bytes at the horizon (out-of-line values included); bytes written per day from each table's inserts per day × its bytes per row (table and index share); inserts only");
    }
}
