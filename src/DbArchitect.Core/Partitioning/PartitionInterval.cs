using System.Globalization;

namespace DbArchitect.Core.Partitioning;

public enum IntervalUnit { Day, Week, Month, Quarter, Year, Width }

/// <summary>
/// The width of one range partition: a calendar unit (weeks start on Monday, as ISO and PostgreSQL's date_trunc do)
/// or a numeric width for integer keys. All arithmetic is in UTC so every engine draws the same boundaries.
/// </summary>
public sealed record PartitionInterval(IntervalUnit Unit, long Width = 1)
{
    public static readonly PartitionInterval Day = new(IntervalUnit.Day);
    public static readonly PartitionInterval Week = new(IntervalUnit.Week);
    public static readonly PartitionInterval Month = new(IntervalUnit.Month);
    public static readonly PartitionInterval Quarter = new(IntervalUnit.Quarter);
    public static readonly PartitionInterval Year = new(IntervalUnit.Year);

    /// <summary>The calendar intervals from the shortest to the longest.</summary>
    public static readonly IReadOnlyList<PartitionInterval> Calendar = new[] { Day, Week, Month, Quarter, Year };

    public static PartitionInterval Numeric(long width) => width > 0
        ? new PartitionInterval(IntervalUnit.Width, width)
        : throw new ArgumentOutOfRangeException(nameof(width), "A range width must be positive.");

    public bool IsCalendar => Unit != IntervalUnit.Width;

    /// <summary>Average days per partition (a month is 30.44 days, a year 365.25), for sizing only.</summary>
    public double Days => Unit switch
    {
        IntervalUnit.Day => 1,
        IntervalUnit.Week => 7,
        IntervalUnit.Month => 30.44,
        IntervalUnit.Quarter => 91.31,
        IntervalUnit.Year => 365.25,
        _ => double.NaN,
    };

    /// <summary>"day", "week", "month", "quarter", "year" or "width 1,000,000".</summary>
    public string Name => Unit == IntervalUnit.Width ? "width " + Width.ToString("N0", CultureInfo.InvariantCulture) : Unit.ToString().ToLowerInvariant();

    /// <summary>The adjective used in reasons: "daily", "monthly".</summary>
    public string Adjective => Unit switch
    {
        IntervalUnit.Day => "daily",
        IntervalUnit.Week => "weekly",
        IntervalUnit.Month => "monthly",
        IntervalUnit.Quarter => "quarterly",
        IntervalUnit.Year => "yearly",
        _ => Name,
    };

    /// <summary>The interval as PostgreSQL spells it: "1 month", "3 months".</summary>
    public string PostgreSqlInterval => Unit switch
    {
        IntervalUnit.Day => "1 day",
        IntervalUnit.Week => "1 week",
        IntervalUnit.Month => "1 month",
        IntervalUnit.Quarter => "3 months",
        IntervalUnit.Year => "1 year",
        _ => Width.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The start of the partition holding <paramref name="value"/>.</summary>
    public DateTime Floor(DateTime value)
    {
        var day = value.Date;
        return Unit switch
        {
            IntervalUnit.Day => day,
            IntervalUnit.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
            IntervalUnit.Month => new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Unspecified),
            IntervalUnit.Quarter => new DateTime(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
            IntervalUnit.Year => new DateTime(day.Year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
            _ => throw new InvalidOperationException("A numeric width has no calendar floor."),
        };
    }

    /// <summary>The start of the partition after the one starting at <paramref name="start"/>.</summary>
    public DateTime Next(DateTime start) => Unit switch
    {
        IntervalUnit.Day => start.AddDays(1),
        IntervalUnit.Week => start.AddDays(7),
        IntervalUnit.Month => start.AddMonths(1),
        IntervalUnit.Quarter => start.AddMonths(3),
        IntervalUnit.Year => start.AddYears(1),
        _ => throw new InvalidOperationException("A numeric width has no calendar successor."),
    };

    /// <summary>The lower bound of the numeric partition holding <paramref name="value"/>.</summary>
    public long Floor(long value) => (long)Math.Floor(value / (double)Width) * Width;

    /// <summary>
    /// The partition name suffix for a partition starting at <paramref name="start"/>: 20260105 (day), 2026w02
    /// (ISO week), 202601 (month), 2026q1, 2026. Engines compute the same suffix in their maintenance code.
    /// </summary>
    public string Suffix(DateTime start) => Unit switch
    {
        IntervalUnit.Day => start.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        IntervalUnit.Week => ISOWeek.GetYear(start).ToString(CultureInfo.InvariantCulture) + "w" + ISOWeek.GetWeekOfYear(start).ToString("00", CultureInfo.InvariantCulture),
        IntervalUnit.Month => start.ToString("yyyyMM", CultureInfo.InvariantCulture),
        IntervalUnit.Quarter => start.Year.ToString(CultureInfo.InvariantCulture) + "q" + (((start.Month - 1) / 3) + 1).ToString(CultureInfo.InvariantCulture),
        IntervalUnit.Year => start.Year.ToString(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException("Numeric partitions are named by their lower bound."),
    };

    /// <summary>Parses Day|Week|Month|Quarter|Year or a positive whole number (a numeric width).</summary>
    public static bool TryParse(string? text, out PartitionInterval? interval)
    {
        interval = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var width) && width > 0)
        {
            interval = Numeric(width);
            return true;
        }

        interval = Calendar.FirstOrDefault(c => string.Equals(c.Unit.ToString(), trimmed, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.Adjective, trimmed, StringComparison.OrdinalIgnoreCase));
        return interval is not null;
    }

    public override string ToString() => Name;
}
