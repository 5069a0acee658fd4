using System.Globalization;

namespace DbArchitect.Core.Health;

/// <summary>
/// When a counter (AUTO_INCREMENT, a sequence) reaches its type's maximum, from the growth of the newest rows: ids
/// per day between the first and last of a sample of the newest rows by key, read against their creation times. One
/// rule for every engine: measurable only from an hour of history with growth, a warning within 365 days, critical
/// within 90, whatever share of the range is used.
/// </summary>
public sealed record ExhaustionForecast(double PerDay, double DaysLeft, string RunsOut)
{
    /// <summary>Rows read per counter, newest first by key: a bounded backward read of the key's index.</summary>
    public const int Sample = 10_000;

    public const int WarningDays = 365;

    public const int CriticalDays = 90;

    /// <summary>The forecast from a sample (first and last id, seconds between their creation times), or null when the sample shows no measurable growth.</summary>
    public static ExhaustionForecast? From(long rows, double firstId, double lastId, double spanSeconds, double maxValue, double nextValue)
    {
        var ids = lastId - firstId;
        if (rows < 2 || spanSeconds < 3600 || ids <= 0)
        {
            return null;
        }

        var perDay = ids / spanSeconds * 86400;
        var left = Math.Max(0, (maxValue - nextValue + 1) / perDay);
        var runsOut = left > 36500 ? "more than 100 years from now" : DateTime.UtcNow.Date.AddDays(left).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new ExhaustionForecast(perDay, left, runsOut);
    }

    /// <summary>The status the date alone calls for.</summary>
    public HealthStatus Status => StatusFor(DaysLeft);

    public static HealthStatus StatusFor(double daysLeft) => daysLeft switch
    {
        < CriticalDays => HealthStatus.Critical,
        < WarningDays => HealthStatus.Warning,
        _ => HealthStatus.Pass,
    };

    /// <summary>" At 24,000,000 ids a day (newest rows by created_at) it runs out about 2027-01-19, in 43 days."</summary>
    public string Sentence(string createdColumn) =>
        $" At {PerDay.ToString("N0", CultureInfo.InvariantCulture)} ids a day (newest rows by {createdColumn}) it runs out about {RunsOut}, in {DaysLeft.ToString("0", CultureInfo.InvariantCulture)} days.";

    public void AddTo(IDictionary<string, string> evidence)
    {
        evidence["ids_per_day"] = PerDay.ToString("0.##", CultureInfo.InvariantCulture);
        evidence["runs_out_on"] = RunsOut;
    }
}
