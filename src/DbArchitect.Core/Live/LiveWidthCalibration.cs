using DbArchitect.Core.Design;
using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Requirements;

namespace DbArchitect.Core.Live;

/// <summary>
/// Reads a live database's column statistics (one set-wise query) and calibrates a requirement's typical widths and
/// null shares on them (<see cref="WidthCalibration"/>), for a design that replaces or extends that database.
/// </summary>
public static class LiveWidthCalibration
{
    /// <summary>
    /// Calibrates on the database <paramref name="connectionString"/> names, read with the engine the design would use,
    /// in <paramref name="schema"/> or, when null, the schema the design would create.
    /// </summary>
    public static DbRequirement Calibrate(DbRequirement requirement, string? engineOverride, string connectionString, string? schema)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(connectionString);
        var (engine, designSchema) = DesignEngine.Target(requirement, engineOverride);
        var target = LiveTarget.FromConnectionString(engine, connectionString);
        return Calibrate(requirement, target, schema ?? designSchema);
    }

    public static DbRequirement Calibrate(DbRequirement requirement, LiveTarget target, string schema)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(schema);
        var inspector = EngineRegistry.Get(target.Engine).Inspector;
        using var session = LiveSession.Open(target);
        var statistics = inspector?.ColumnStatistics(session, schema)
            ?? throw new DbArchitectException(new[]
            {
                new DbArchitectError("CalibrationNotSupported", ErrorKind.NotImplemented,
                    $"{target.Description} keeps no per-column width statistics this module can read.",
                    "Calibrate on a PostgreSQL database (pg_stats), or state avgLength and nullShare in the requirements file.", null, target.Description),
            });
        if (statistics.Count == 0)
        {
            throw new DbArchitectException(new[]
            {
                new DbArchitectError("CalibrationStatisticsMissing", ErrorKind.ObjectNotFound,
                    $"{target.Description} has no column statistics in schema {schema}.",
                    "Check the schema name (-CalibrationSchema), and run ANALYZE on its tables first; statistics exist only for analyzed tables the login may read.", null, target.Description),
            });
        }

        return WidthCalibration.Apply(requirement, statistics, $"the statistics of {target.Description}, schema {schema}");
    }
}
