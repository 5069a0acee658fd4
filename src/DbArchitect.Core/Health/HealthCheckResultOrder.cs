namespace DbArchitect.Core.Health;

/// <summary>The order results are shown in: worst first (Critical, Error, Warning, Info, Skipped, Pass), then by check and target.</summary>
public static class HealthCheckResultOrder
{
    public static IReadOnlyList<HealthCheckResult> WorstFirst(IEnumerable<HealthCheckResult> results) =>
        results.OrderBy(r => Rank(r.Status)).ThenBy(r => r.Database, StringComparer.Ordinal).ThenBy(r => r.CheckId, StringComparer.Ordinal)
            .ThenBy(r => r.Target, StringComparer.Ordinal).ToList();

    private static int Rank(HealthStatus status) => status switch
    {
        HealthStatus.Critical => 0,
        HealthStatus.Error => 1,
        HealthStatus.Warning => 2,
        HealthStatus.Info => 3,
        HealthStatus.Skipped => 4,
        _ => 5,
    };
}
