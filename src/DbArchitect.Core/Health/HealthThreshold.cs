using System.Globalization;

namespace DbArchitect.Core.Health;

/// <summary>
/// The figures a measured value is judged by: at or beyond Warning is a Warning, at or beyond Critical is Critical.
/// Usually higher is worse (dead tuple %, age); <see cref="LowerIsWorse"/> turns it round (cache hit ratio).
/// A check without a threshold reports every row its query returns at its own status.
/// </summary>
public sealed record HealthThreshold(double? Warning, double? Critical, string Unit, bool LowerIsWorse = false)
{
    public static readonly HealthThreshold None = new(null, null, string.Empty);

    public bool IsNone => Warning is null && Critical is null;

    public HealthStatus Judge(double? measured)
    {
        if (measured is not { } value)
        {
            return HealthStatus.Pass;
        }

        if (Critical is { } critical && Beyond(value, critical))
        {
            return HealthStatus.Critical;
        }

        return Warning is { } warning && Beyond(value, warning) ? HealthStatus.Warning : HealthStatus.Pass;
    }

    /// <summary>"warning ≥ 20 %, critical ≥ 50 %".</summary>
    public override string ToString()
    {
        var sign = LowerIsWorse ? "≤" : "≥";
        var parts = new List<string>();
        if (Warning is { } w)
        {
            parts.Add($"warning {sign} {Format(w)}{UnitSuffix}");
        }

        if (Critical is { } c)
        {
            parts.Add($"critical {sign} {Format(c)}{UnitSuffix}");
        }

        return string.Join(", ", parts);
    }

    public static string Format(double value) => Math.Abs(value) >= 1e6 && value == Math.Floor(value)
        ? value.ToString("0.###e0", CultureInfo.InvariantCulture)
        : value.ToString("0.##", CultureInfo.InvariantCulture);

    private string UnitSuffix => Unit.Length == 0 ? string.Empty : Unit == "%" ? " %" : " " + Unit;

    private bool Beyond(double value, double limit) => LowerIsWorse ? value <= limit : value >= limit;
}
