using DbArchitect.Core.Reporting;

namespace DbArchitect.Core.Health;

/// <summary>
/// One check on one target: what was measured, against which threshold, what it means and what to do. Pass rows are
/// kept so a pipeline proves coverage. A result is a pipeline finding (<see cref="IReportFinding"/>) too.
/// </summary>
public sealed record HealthCheckResult : IReportFinding
{
    /// <summary>Stable, documented id (docs/health-checks.md): "FK_WITHOUT_INDEX".</summary>
    public required string CheckId { get; init; }

    public required string Title { get; init; }

    public required string Category { get; init; }

    public required HealthStatus Status { get; init; }

    public HealthPriority Priority { get; init; }

    public required string Engine { get; init; }

    public required string Database { get; init; }

    /// <summary>The server (host, or SQLite file) the target was named by, without credentials; set by the sweep.</summary>
    public string? Server { get; init; }

    /// <summary>The target's port; null for a file-based engine. Set by the sweep.</summary>
    public int? Port { get; init; }

    /// <summary>The object: "public.orders.orders_customer_fk", "pid 4242 (app@shop)", or the database for database-wide rows.</summary>
    public required string Target { get; init; }

    public double? Measured { get; init; }

    /// <summary>The threshold in force for this target, as text ("warning ≥ 20 %, critical ≥ 50 %"); null when the check has none.</summary>
    public string? Threshold { get; init; }

    public required string Message { get; init; }

    public string? Recommendation { get; init; }

    /// <summary>A statement that fixes it where a safe one exists (review before running).</summary>
    public string? FixSql { get; init; }

    /// <summary>The figures the finding came from, by name.</summary>
    public IReadOnlyDictionary<string, string> Evidence { get; init; } = ReportFinding.NoProperties;

    public TimeSpan Duration { get; init; }

    string IReportFinding.RuleId => CheckId;

    ReportLevel IReportFinding.Level => Status switch
    {
        HealthStatus.Pass => ReportLevel.Pass,
        HealthStatus.Info => ReportLevel.Info,
        HealthStatus.Warning => ReportLevel.Warning,
        HealthStatus.Critical => ReportLevel.Critical,
        HealthStatus.Skipped => ReportLevel.Skipped,
        _ => ReportLevel.Error,
    };

    string? IReportFinding.Target => $"{Database}/{Target}";

    ReportLocation? IReportFinding.Location => null;

    string? IReportFinding.HelpUri => ReportTool.HealthCheckHelp(CheckId);

    string? IReportFinding.HelpText => HealthCheckCatalog.All.FirstOrDefault(c => string.Equals(c.Id, CheckId, StringComparison.Ordinal))?.Description;

    string? IReportFinding.Source => $"{Engine}/{Database}";

    TimeSpan? IReportFinding.Elapsed => Duration;

    IReadOnlyDictionary<string, string> IReportFinding.Properties
    {
        get
        {
            var properties = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in Evidence)
            {
                properties["evidence." + key] = value;
            }

            if (Measured is { } measured)
            {
                properties["measured"] = HealthThreshold.Format(measured);
            }

            if (Threshold is not null)
            {
                properties["threshold"] = Threshold;
            }

            if (FixSql is not null)
            {
                properties["fixSql"] = FixSql;
            }

            properties["engine"] = Engine;
            properties["priority"] = Priority.ToString();
            return properties;
        }
    }
}
