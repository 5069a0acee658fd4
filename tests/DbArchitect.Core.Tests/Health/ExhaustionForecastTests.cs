using DbArchitect.Core.Health;

namespace DbArchitect.Core.Tests.Health;

/// <summary>The exhaustion date: measurable only with an hour of history and growth, and judged by the days left.</summary>
public sealed class ExhaustionForecastTests
{
    [Fact]
    public void Growth_of_the_newest_rows_dates_the_end_of_the_range()
    {
        // 100 rows, one million ids an hour, at 1.099e9 of 2,147,483,647: about 43.7 days left.
        var forecast = ExhaustionForecast.From(100, 1_000_000_000, 1_099_000_000, 99 * 3600, 2_147_483_647, 1_099_000_001)!;
        Assert.Equal(24_000_000, forecast.PerDay, 6);
        Assert.Equal(43.69, forecast.DaysLeft, 2);
        Assert.Equal(HealthStatus.Critical, forecast.Status);
        Assert.Equal(DateTime.UtcNow.Date.AddDays(43.69).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), forecast.RunsOut);
    }

    [Theory]
    [InlineData(1, 0, 10, 7200)]      // one row
    [InlineData(100, 0, 10, 1800)]    // half an hour of history
    [InlineData(100, 10, 10, 7200)]   // no growth
    public void No_forecast_without_measurable_growth(long rows, double first, double last, double span)
    {
        Assert.Null(ExhaustionForecast.From(rows, first, last, span, 2_147_483_647, 11));
    }

    [Theory]
    [InlineData(89.9, HealthStatus.Critical)]
    [InlineData(90, HealthStatus.Warning)]
    [InlineData(364.9, HealthStatus.Warning)]
    [InlineData(365, HealthStatus.Pass)]
    public void Days_left_are_judged_at_365_and_90(double days, HealthStatus status) => Assert.Equal(status, ExhaustionForecast.StatusFor(days));
}
