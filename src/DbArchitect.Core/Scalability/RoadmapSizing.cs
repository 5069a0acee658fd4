using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Scalability;

/// <summary>
/// The one place the roadmap asks how big a table is: rows after some days of growth (flat once retention is
/// reached) times a row width. Today the width is the rough typical width of <see cref="Capacity"/>; an exact,
/// engine-specific forecast can replace <see cref="BytesPerRow"/> without touching the planner.
/// </summary>
internal static class RoadmapSizing
{
    public static long RowsAt(Table table, double days, Retention? retention)
    {
        var growthDays = retention is null ? days : Math.Min(days, retention.Days);
        return (table.EstimatedRows ?? 0) + (long)((table.RowsPerDay ?? 0) * growthDays);
    }

    public static double BytesAt(Table table, double days, Retention? retention) => RowsAt(table, days, retention) * BytesPerRow(table);

    public static double BytesPerRow(Table table) => Capacity.RowBytes(table);
}
