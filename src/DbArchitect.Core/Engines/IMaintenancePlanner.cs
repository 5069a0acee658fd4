using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Engines;

/// <summary>
/// An engine's monitoring and maintenance plan for a design: the health views it installs, the scheduled jobs with
/// their reasons, and the decisions (with figures) the design document shows. Pure: same input, same plan.
/// </summary>
public interface IMaintenancePlanner
{
    MaintenancePlan Plan(DbRequirement requirement, SchemaModel physical);
}

/// <summary>A view (or function) the monitoring scripts create, by qualified name, with what it answers.</summary>
public sealed record MonitoringView(string Name, string Purpose, string File);

/// <summary>
/// One scheduled maintenance job: <see cref="Schedule"/> in cron syntax, <see cref="Command"/> the statement the
/// scheduler runs, <see cref="Runner"/> what runs it (for PostgreSQL: "pg_cron" or "psql"), and the reason with figures.
/// </summary>
public sealed record MaintenanceJob(string Name, string Schedule, string Command, string Runner, string Reason);

public sealed record MaintenancePlan(
    IReadOnlyList<MonitoringView> Views,
    IReadOnlyList<MaintenanceJob> Jobs,
    IReadOnlyList<DesignDecision> Decisions)
{
    /// <summary>How the monitoring and maintenance files are applied, for design.md; null: in the design's database, after the build.</summary>
    public string? FilesNote { get; init; }

    public static MaintenancePlan Empty { get; } = new(Array.Empty<MonitoringView>(), Array.Empty<MaintenanceJob>(), Array.Empty<DesignDecision>());
}
