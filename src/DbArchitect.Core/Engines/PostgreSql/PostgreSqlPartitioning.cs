using DbArchitect.Core.Live;
using DbArchitect.Core.Partitioning;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// PostgreSQL's partitioning: native declarative partitions with a maintenance function and pg_cron, pg_partman
/// (4.x and 5.x), TimescaleDB hypertables, and the online conversion of an existing table.
/// </summary>
internal sealed class PostgreSqlPartitioning : IPartitionEngine
{
    public PartitionRules Rules { get; } = new(
        MaxPartitions: 100_000,
        UniqueKeysMustContainKey: true,
        ForeignKeysAllowed: true,
        ReferencedKeysAllowed: true,
        Modes: PostgreSqlPartitionModes.All,
        Strategies: new[] { PartitionStrategy.Range, PartitionStrategy.List, PartitionStrategy.Hash },
        KeepsUniquenessByLookup: true,
        DesignBuildsPartitions: true);

    public IReadOnlyList<PartitionStep> Steps(PartitionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var names = new PostgreSqlPartitionNames(plan);
        return plan.Mode switch
        {
            PostgreSqlPartitionModes.PgPartman => PostgreSqlPartman.Steps(plan, names),
            PostgreSqlPartitionModes.TimescaleDb => PostgreSqlTimescale.Steps(plan, names),
            _ when plan.Converts => PostgreSqlPartitionConversion.Steps(plan, names),
            _ => Native(plan, names),
        };
    }

    public PartitionTarget ReadLive(LiveSession session, string? schema, string table, string? column) =>
        PostgreSqlPartitionCatalog.Read(session, schema ?? "public", table, column);

    public int? ExtensionMajorVersion(LiveSession session, string mode) =>
        !string.Equals(mode, PostgreSqlPartitionModes.PgPartman, StringComparison.OrdinalIgnoreCase) ? null : PostgreSqlPartitionCatalog.PartmanMajorVersion(session);

    private static List<PartitionStep> Native(PartitionPlan plan, PostgreSqlPartitionNames names)
    {
        var steps = new List<PartitionStep>
        {
            new("parent", "Creates the partitioned table, its DEFAULT partition, explicit partitions and indexes.", PostgreSqlPartitionParent.Script(plan, names, defaultPartition: true, explicitPartitions: true), true),
        };
        if (PostgreSqlPartitionParent.ForeignKeys(plan, names) is { } foreignKeys)
        {
            steps.Add(new("foreign-keys", "Adds the foreign keys once the referenced tables exist.", foreignKeys, true));
        }

        steps.AddRange(Lifecycle(plan, names, runNow: true));
        return steps;
    }

    /// <summary>
    /// Range: the maintenance function (run once now), its pg_cron job and the DEFAULT alert. List: the DEFAULT alert
    /// only (its partitions are fixed). Hash: nothing (every row has a bucket, there is no DEFAULT).
    /// </summary>
    public static IEnumerable<PartitionStep> Lifecycle(PartitionPlan plan, PostgreSqlPartitionNames names, bool runNow)
    {
        if (plan.Strategy != PartitionStrategy.Range)
        {
            if (plan.Strategy == PartitionStrategy.List)
            {
                yield return new("alert-default-rows", "Alert query: rows in the DEFAULT partition and the unlisted values they hold.", PostgreSqlPartitionMaintenance.AlertScript(plan, names), false);
            }

            yield break;
        }

        var writer = W.ForScript(plan.Schema + "." + plan.Table, "PostgreSQL 15", PartitionStep.PathToken,
            PostgreSqlPartitionMaintenance.Reason(plan));
        writer.Statement(PostgreSqlPartitionMaintenance.Function(plan, names));
        if (runNow)
        {
            writer.Comment("Creates the partitions for the current period and the premake window, relative to today.");
            writer.Statement($"SELECT * FROM {names.Maintenance}()");
        }

        yield return new("maintenance", "Creates the maintenance function (future partitions, expiry) and runs it once.", writer.Finish(), true);
        yield return new("schedule", "Schedules the maintenance function daily with pg_cron (run in the postgres database).",
            PostgreSqlPartitionMaintenance.ScheduleScript(plan, names, $"SELECT * FROM {names.Maintenance}()", "Schedules partition maintenance with pg_cron."), false, "postgres");
        yield return new("alert-default-rows", "Alert query: rows in the DEFAULT partition.", PostgreSqlPartitionMaintenance.AlertScript(plan, names), false);
    }
}
