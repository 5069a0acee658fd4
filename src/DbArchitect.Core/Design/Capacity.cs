namespace DbArchitect.Core.Design;

/// <summary>
/// A table's volume as the advisors reason with it (partitioning, backup, monitoring, roadmap): rows at each horizon
/// and bytes per row including its share of the indexes, both taken from the engine's <see cref="CapacityForecast"/>.
/// </summary>
internal sealed record TableVolume(string Table, long Today, long OneYear, long ThreeYears, long AtRetention, int RowBytes, double BytesPerRow)
{
    public long BytesAt(long rows) => checked((long)(rows * BytesPerRow));

    public static TableVolume Of(TableCapacity table)
    {
        var rows = table.Rows.AtRetention;
        var perRow = rows > 0 ? table.TotalBytes.AtRetention / (double)rows : table.RowBytes;
        return new TableVolume(table.Table, table.Rows.Today, table.Rows.OneYear, table.Rows.ThreeYears, rows, table.RowBytes, perRow);
    }
}

/// <summary>Formatting of counts and byte sizes in reasons.</summary>
internal static class Capacity
{
    public static string Bytes(double bytes)
    {
        string[] units = { "B", "KB", "MB", "GB", "TB", "PB" };
        var unit = 0;
        while (bytes >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }

        return bytes.ToString(unit == 0 ? "0" : "0.#", System.Globalization.CultureInfo.InvariantCulture) + " " + units[unit];
    }

    public static string Count(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
