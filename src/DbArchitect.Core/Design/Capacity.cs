using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Design;

/// <summary>
/// First-order volume figures used to reason about partitioning, backup and the roadmap: rows today, after one and
/// three years and at retention, and an approximate on-disk size from typical column widths. (The precise,
/// engine-specific forecast is a separate calculation; these figures only pick between strategies.)
/// </summary>
internal sealed record TableVolume(string Table, long Today, long OneYear, long ThreeYears, long AtRetention, int RowBytes)
{
    public long BytesAt(long rows) => rows * RowBytes;
}

internal static class Capacity
{
    private const int RowOverheadBytes = 24 + 4; // tuple header + line pointer

    public static TableVolume For(Table table, Retention? retention)
    {
        var today = table.EstimatedRows ?? 0;
        var perDay = table.RowsPerDay ?? 0;
        long After(double days) => today + (long)(perDay * days);
        var atRetention = retention is null ? After(365.25 * 3) : Math.Min(After(retention.Days), today + (long)(perDay * retention.Days));
        return new TableVolume(table.Name, today, After(365.25), After(365.25 * 3), atRetention, RowBytes(table));
    }

    public static int RowBytes(Table table) => RowOverheadBytes + table.Columns.Sum(c => TypicalWidth(c.Type));

    /// <summary>Typical stored width of a value: fixed types exactly, variable ones at a plausible average.</summary>
    public static int TypicalWidth(LogicalType type) => type.Kind switch
    {
        LogicalTypeKind.Uuid => 16,
        LogicalTypeKind.SmallInt => 2,
        LogicalTypeKind.Int or LogicalTypeKind.Float or LogicalTypeKind.Date => 4,
        LogicalTypeKind.BigInt or LogicalTypeKind.Double or LogicalTypeKind.Timestamp or LogicalTypeKind.Time => 8,
        LogicalTypeKind.Bool => 1,
        LogicalTypeKind.Decimal => 4 + ((type.Precision ?? 18) / 4 * 2),
        LogicalTypeKind.Money => 12,
        LogicalTypeKind.String or LogicalTypeKind.Char => 1 + Math.Min(type.Length ?? 32, 200) / 2,
        LogicalTypeKind.Email => 26,
        LogicalTypeKind.Url => 60,
        LogicalTypeKind.Enum => 1 + type.EnumValues.Max(v => v.Length),
        LogicalTypeKind.Text => 120,
        LogicalTypeKind.Json => 200,
        LogicalTypeKind.Binary => 256,
        LogicalTypeKind.Array => 24 + (4 * TypicalWidth(type.Element!)),
        _ => 8,
    };

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
