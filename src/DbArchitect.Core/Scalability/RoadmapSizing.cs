using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Scalability;

/// <summary>
/// The one place the roadmap asks how big a table is: rows after some days of growth (flat once retention is
/// reached) times the bytes a row costs with its share of the indexes, from the engine's capacity forecast.
/// </summary>
internal sealed class RoadmapSizing
{
    private readonly Dictionary<string, double> _bytesPerRow;

    public RoadmapSizing(CapacityForecast forecast) =>
        _bytesPerRow = forecast.Tables.ToDictionary(t => t.Table, t => TableVolume.Of(t).BytesPerRow, StringComparer.Ordinal);

    public static long RowsAt(Table table, double days, Retention? retention)
    {
        var growthDays = retention is null ? days : Math.Min(days, retention.Days);
        return checked((table.EstimatedRows ?? 0) + (long)((table.RowsPerDay ?? 0) * growthDays));
    }

    public double BytesAt(Table table, double days, Retention? retention) => RowsAt(table, days, retention) * BytesPerRow(table);

    public double BytesPerRow(Table table) => _bytesPerRow.GetValueOrDefault(table.Name);
}
