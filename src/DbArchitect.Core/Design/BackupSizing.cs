using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Design;

/// <summary>
/// The one place the backup plan gets its sizes from: heap and index bytes at the planning horizon (one year, or the
/// retention when shorter) and the
/// bytes written per day. Uses the rough widths of <see cref="Capacity"/>; when the exact capacity forecast exists,
/// only this function changes.
/// </summary>
internal static class BackupSizing
{
    /// <summary>Full-page images after each checkpoint roughly double the log volume of the row and index bytes written.</summary>
    internal const double LogAmplification = 2.0;

    private const int IndexEntryOverheadBytes = 8 + 4; // index tuple header + line pointer
    private const double IndexFill = 0.9;              // B-tree leaf fillfactor

    public static BackupSize Project(DbRequirement requirement, SchemaModel physical)
    {
        long data = 0, index = 0, writtenPerDay = 0;
        foreach (var table in physical.Tables)
        {
            var volume = Capacity.For(table, requirement.Workload.Retention);
            var indexBytesPerRow = IndexBytesPerRow(table);
            var rows = requirement.Workload.Retention is null ? volume.OneYear : Math.Min(volume.OneYear, volume.AtRetention);
            data += volume.BytesAt(rows);
            index += (long)(rows * indexBytesPerRow);
            writtenPerDay += (long)((table.RowsPerDay ?? 0) * (volume.RowBytes + indexBytesPerRow));
        }

        return new BackupSize(data, index, writtenPerDay, (long)(writtenPerDay * LogAmplification), requirement.Workload.Retention is { } retention && retention.Days < 365.25 ? $"the {retention} retention" : "one year",
            "rows at the horizon × typical row width (tuple header, line pointer, column widths) plus B-tree entries per index; inserts only");
    }

    private static double IndexBytesPerRow(Table table)
    {
        int Width(string? column) => column is not null && table.FindColumn(column) is { } c ? Capacity.TypicalWidth(c.Type) : 8;
        var keyed = new List<IReadOnlyList<string?>> { table.PrimaryKey.Columns.Select(c => (string?)c).ToArray() };
        keyed.AddRange(table.UniqueKeys.Select(u => u.Columns.Select(c => (string?)c).ToArray()));
        keyed.AddRange(table.Indexes.Select(i => i.Keys.Select(k => k.Column ?? k.Expression?.Columns[0]).ToArray()));
        return keyed.Sum(columns => (IndexEntryOverheadBytes + columns.Sum(Width)) / IndexFill);
    }
}
