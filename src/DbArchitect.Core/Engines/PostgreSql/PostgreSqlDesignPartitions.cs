using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Partitioning;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// The partitions script of a design: for each table the design partitions (created PARTITION BY in the tables
/// script), its DEFAULT partition, the maintenance function of its partition plan, and one run of it, which creates
/// the current period's partition and the premade ones. The same plan New-PartitionScript writes, so its schedule
/// step can be applied on top.
/// </summary>
internal static class PostgreSqlDesignPartitions
{
    public const string Purpose = "Creates the partitions of the partitioned tables: DEFAULT, the maintenance function (partitions ahead, expiry) and its first run.";

    public static bool IsNeeded(SchemaModel model) => model.Tables.Any(t => t.PartitionBy is not null);

    public static void Write(W writer, DbDesign design)
    {
        var engine = EngineRegistry.Get(design.Engine);
        var partitioning = PartitionPlanner.EngineOf(engine);
        foreach (var decision in PartitionDecisions.Partitioned(design))
        {
            var target = PartitionTargets.FromDesign(design, decision.Table);
            var plan = PartitionPlanner.Plan(engine.Id, partitioning.Rules, target, new PartitionRequest
            {
                Column = decision.Key,
                Interval = decision.Sizing!.Interval,
                Retention = decision.Retention,
            });
            var names = new PostgreSqlPartitionNames(plan);
            writer.BlankLine();
            writer.Comment($"{plan.Table}: {decision.Sizing.Arithmetic}");
            writer.Statement($"CREATE TABLE {names.DefaultQualified} PARTITION OF {names.Parent} DEFAULT");
            writer.Statement(PostgreSqlPartitionMaintenance.Function(plan, names));
            writer.Comment($"Creates the current {plan.Interval!.Name}'s partition and {plan.Premake} ahead. Schedule it daily: New-PartitionScript -Table {plan.Table} writes the pg_cron step.");
            writer.Statement($"SELECT count(*) AS partitions_created FROM {names.Maintenance}()");
        }
    }
}
