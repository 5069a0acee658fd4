using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Partitioning;

/// <summary>
/// The interval chosen from the volume, with the arithmetic behind it: bytes per day × days per partition, compared
/// with the target band, the retention and the engine's partition limit.
/// </summary>
public sealed record PartitionSizing(
    PartitionInterval Interval,
    double? BytesPerDay,
    double? PartitionBytes,
    int? PartitionsAtRetention,
    string Band,
    string Arithmetic)
{
    /// <summary>Smallest partition worth its catalog entries, planning time and maintenance.</summary>
    public const long MinBytes = 1L << 30;

    /// <summary>Largest partition whose indexes still fit comfortably in memory and whose vacuum finishes quickly.</summary>
    public const long MaxBytes = 32L << 30;

    /// <summary>At least this many partitions inside the retention, so dropping one removes a small slice of it.</summary>
    public const int PartitionsPerRetention = 12;

    public static string BandText => $"{Capacity.Bytes(MinBytes)} to {Capacity.Bytes(MaxBytes)} per partition";

    /// <summary>
    /// The longest calendar interval whose partition stays under <see cref="MaxBytes"/>, keeps at least
    /// <see cref="PartitionsPerRetention"/> partitions inside the retention, and keeps the partition count under the
    /// engine's limit. <paramref name="requested"/> wins when given; its figures are still stated.
    /// </summary>
    public static PartitionSizing Choose(PartitionTarget target, PartitionInterval? requested, Retention? retention, int premake, int maxPartitions)
    {
        ArgumentNullException.ThrowIfNull(target);
        var perDay = target.RowsPerDay is { } rows && target.BytesPerRow is { } width && rows > 0 ? rows * width : (double?)null;
        var volume = perDay is null
            ? "no growth figure is known"
            : $"{Capacity.Count((long)target.RowsPerDay!.Value)} rows/day × {Capacity.Bytes(target.BytesPerRow!.Value)} per row (with indexes, from {target.VolumeBasis ?? "the table"}) = {Capacity.Bytes(perDay.Value)}/day";

        if (requested is { IsCalendar: false })
        {
            return new PartitionSizing(requested, perDay, null, null, BandText, $"A numeric width of {requested.Width.ToString("N0", CultureInfo.InvariantCulture)} values per partition was given; {volume}.");
        }

        if (requested is not null)
        {
            return Describe(requested, perDay, volume, retention, premake, "was given");
        }

        if (perDay is null)
        {
            return Describe(PartitionInterval.Month, null, volume, retention, premake, "is the default because " + volume);
        }

        foreach (var candidate in PartitionInterval.Calendar.Reverse())
        {
            var fitsSize = perDay.Value * candidate.Days <= MaxBytes;
            // Rounded: a year holds 12 months even though 365.25 / 30.44 is 11.999.
            var fitsRetention = retention is null || Math.Round(retention.Days / candidate.Days, 1) >= PartitionsPerRetention;
            var fitsLimit = Count(retention, candidate, premake) is not { } count || count <= maxPartitions;
            if (fitsSize && fitsRetention && fitsLimit)
            {
                return Describe(candidate, perDay, volume, retention, premake,
                    $"is the longest interval that stays under {Capacity.Bytes(MaxBytes)}" + (retention is null ? string.Empty : $" and keeps at least {PartitionsPerRetention} partitions inside the {retention} retention"));
            }
        }

        return Describe(PartitionInterval.Day, perDay, volume, retention, premake, "is the shortest calendar interval; even a day exceeds the band, so consider hash sub-partitions or a numeric key");
    }

    /// <summary>Partitions alive at once: the retention's worth, the premade ones and the DEFAULT partition.</summary>
    public static int? Count(Retention? retention, PartitionInterval interval, int premake) =>
        retention is null || !interval.IsCalendar ? null : (int)Math.Ceiling(retention.Days / interval.Days) + premake + 1;

    private static PartitionSizing Describe(PartitionInterval interval, double? perDay, string volume, Retention? retention, int premake, string why)
    {
        var partitionBytes = perDay * interval.Days;
        var size = partitionBytes is { } bytes
            ? $"{volume} × {interval.Days.ToString("0.##", CultureInfo.InvariantCulture)} days = {Capacity.Bytes(bytes)} per {interval.Name} partition"
              + (bytes > MaxBytes ? $", above the {BandText} band" : bytes < MinBytes ? $", below the {BandText} band (partitioning serves retention and pruning here more than size)" : $", inside the {BandText} band")
            : volume;
        var count = Count(retention, interval, premake);
        var kept = retention is null || count is null
            ? " No retention is stated, so partitions accumulate: plan archiving before the count grows past a few thousand."
            : $" The {retention} retention keeps ceil({retention.Days.ToString("0.##", CultureInfo.InvariantCulture)} / {interval.Days.ToString("0.##", CultureInfo.InvariantCulture)}) = {count - premake - 1} partitions, plus {premake} premade and the DEFAULT partition = {count} partitions.";
        return new PartitionSizing(interval, perDay, partitionBytes, count, BandText, $"{Capitalize(interval.Adjective)} {why}: {size}.{kept}");
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
