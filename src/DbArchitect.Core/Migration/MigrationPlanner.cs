using DbArchitect.Core.Engines;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Schema;

namespace DbArchitect.Core.Migration;

/// <summary>
/// Engine-neutral part of New-DbMigrationScript: asks the engine's planner for steps, refuses data loss unless
/// allowed, and orders the steps expand → backfill → tighten → contract → destructive (stable within a phase).
/// </summary>
public static class MigrationPlanner
{
    public static MigrationPlan Create(IReadOnlyList<SchemaDifference> differences, MigrationOptions? options = null, string? engine = null)
    {
        ArgumentNullException.ThrowIfNull(differences);
        options ??= MigrationOptions.Default;
        var comparison = differences.FirstOrDefault(d => d.Comparison is not null)?.Comparison;
        if (comparison is null)
        {
            throw new DbArchitectException(new DbArchitectError(
                "MigrationNeedsComparison", ErrorKind.InvalidArgument,
                differences.Count == 0 ? "There are no differences to migrate." : "The differences do not carry the schemas they came from.",
                "Pipe the output of Compare-DbSchema into New-DbMigrationScript.", null));
        }

        var engineId = engine ?? comparison.Engine ?? throw new DbArchitectException(new DbArchitectError(
            "MigrationEngineUnknown", ErrorKind.InvalidArgument, "The compared schemas do not say which engine they are for.",
            "Give -Engine (postgresql, mariadb, mysql, sqlserver, oracle).", null));
        var engineImpl = EngineRegistry.Get(engineId);
        var planner = engineImpl.Migrations ?? throw new DbArchitectException(new DbArchitectError(
            "MigrationEngineNotSupported", ErrorKind.NotImplemented, $"{engineImpl.DisplayName} has no migration planner yet.",
            "Use -Engine postgresql, mariadb or mysql.", null, engineId));
        var unplanned = differences.Where(d => !planner.CanPlan(d)).ToArray();
        if (unplanned.Length > 0)
        {
            throw new DbArchitectException(unplanned.Select(d => new DbArchitectError(
                "MigrationNotPlanned", ErrorKind.NotImplemented,
                $"{engineImpl.DisplayName}: New-DbMigrationScript does not plan this difference: {d}",
                Unplanned(d), null, d.Path)).ToArray());
        }

        var steps = planner.Plan(comparison, differences, options);
        var lossy = steps.Where(s => s.LosesData).ToArray();
        if (lossy.Length > 0 && !options.AllowDataLoss)
        {
            throw new DbArchitectException(lossy.Select(s => new DbArchitectError(
                "MigrationLosesData", ErrorKind.InvalidData,
                $"{s.Description} on {s.Table} can lose data: {s.Reason}",
                "Keep the object, give a rename hint (-RenameMap) if it was renamed, or pass -AllowDataLoss to run it last, in a file of its own.",
                null, s.Table)).ToArray());
        }

        var ordered = steps.Select((s, i) => (Step: s, Index: i))
            .OrderBy(p => p.Step.LosesData ? MigrationPhase.Destructive : p.Step.Phase)
            .ThenBy(p => p.Index)
            .Select((p, i) => p.Step with { Order = i + 1, Phase = p.Step.LosesData ? MigrationPhase.Destructive : p.Step.Phase })
            .ToArray();
        return new MigrationPlan(engineImpl.Id, comparison.Difference.Schema, ordered, options, planner);
    }

    private static string Unplanned(SchemaDifference d) => d switch
    {
        { Property: DifferenceProperty.Partitioning } => "Convert the table with New-PartitionScript (online copy and swap), then compare again.",
        { ObjectKind: SchemaObjectKind.View } => "Views are compared by name only: write CREATE VIEW / DROP VIEW by hand, or leave the view out (-Table).",
        { Property: DifferenceProperty.Computed } => "A computed column changes only by dropping and adding it again (ALTER TABLE … DROP COLUMN, then ADD … AS …), which rewrites the table and drops what depends on it: write it by hand for a maintenance window and check it with Test-DbMigrationScript.",
        { Property: DifferenceProperty.StorageOptions } => "Temporal and memory-optimized tables change by rebuilding (SYSTEM_VERSIONING OFF, then ON with the history table; a memory-optimized table is copied into a new one): write it by hand for a maintenance window.",
        _ => "Write this change by hand and check it with Test-DbMigrationScript, or leave the object out of the comparison.",
    };
}
