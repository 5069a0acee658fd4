using System.Globalization;
using DbArchitect.Core.Partitioning;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// pg_partman mode: the parent is created as in native mode (without partitions), pg_partman's create_parent makes the
/// partitions and the DEFAULT, part_config holds the retention, and pg_cron runs run_maintenance_proc. create_parent's
/// signature differs between 4.x (p_type 'native', interval words such as 'monthly') and 5.x (p_type 'range', interval
/// values such as '1 month', p_default_table); arguments are passed by name so the call reads the same in both.
/// </summary>
internal static class PostgreSqlPartman
{
    public const int DefaultVersion = 5;

    public static IReadOnlyList<PartitionStep> Steps(PartitionPlan plan, PostgreSqlPartitionNames names)
    {
        if (plan.Converts)
        {
            throw new Errors.DbArchitectException(new Errors.DbArchitectError("PartmanConversionNotSupported", Errors.ErrorKind.NotImplemented,
                $"Converting the existing table {plan.Table} is planned in native mode only.",
                "Convert it with -Mode Native (online copy, verify, swap), then register the partitioned table with pg_partman.", null, plan.Table));
        }

        if (plan.Strategy != PartitionStrategy.Range || plan.Interval is null)
        {
            throw new Errors.DbArchitectException(new Errors.DbArchitectError("PartmanNeedsRange", Errors.ErrorKind.InvalidArgument,
                "pg_partman manages range partitions by time or number.", "Use -Strategy Range, or -Mode Native for list and hash plans.", null, plan.Table));
        }

        var steps = new List<PartitionStep>
        {
            new("parent", "Creates the partitioned table with its keys and indexes (pg_partman adds the partitions).", PostgreSqlPartitionParent.Script(plan, names, defaultPartition: false, explicitPartitions: false), true),
        };
        if (PostgreSqlPartitionParent.ForeignKeys(plan, names) is { } foreignKeys)
        {
            steps.Add(new("foreign-keys", "Adds the foreign keys once the referenced tables exist.", foreignKeys, true));
        }

        steps.Add(new("partman", $"Registers the table with pg_partman {Version(plan)}.x (create_parent) and sets its retention.", Register(plan, names), true));
        steps.Add(new("schedule", "Schedules pg_partman's run_maintenance_proc daily with pg_cron (run in the postgres database).",
            PostgreSqlPartitionMaintenance.ScheduleScript(plan, names, "CALL partman.run_maintenance_proc()", "Schedules pg_partman maintenance with pg_cron."), false, "postgres"));
        steps.Add(new("alert-default-rows", "Alert query: rows in the DEFAULT partition.", PostgreSqlPartitionMaintenance.AlertScript(plan, names), false));
        return steps;
    }

    public static int Version(PartitionPlan plan) => plan.PartmanVersion ?? DefaultVersion;

    /// <summary>The create_parent arguments of the plan's pg_partman version, by name.</summary>
    public static IReadOnlyList<string> Arguments(PartitionPlan plan)
    {
        var interval = plan.Interval!;
        var version = Version(plan);
        var arguments = new List<string>
        {
            $"p_parent_table => {W.String(plan.Schema + "." + plan.Table)}",
            $"p_control => {W.String(plan.Key)}",
        };
        if (version >= 5)
        {
            arguments.Add($"p_interval => {W.String(interval.PostgreSqlInterval)}");
            arguments.Add("p_type => 'range'");
            arguments.Add("p_default_table => true");
        }
        else
        {
            arguments.Add("p_type => 'native'");
            arguments.Add($"p_interval => {W.String(interval.IsCalendar ? interval.Adjective : interval.PostgreSqlInterval)}");
        }

        arguments.Add($"p_premake => {plan.Premake.ToString(CultureInfo.InvariantCulture)}");
        if (plan.Start is { } start)
        {
            arguments.Add($"p_start_partition => {W.String(start.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))}");
        }

        return arguments;
    }

    private static string Register(PartitionPlan plan, PostgreSqlPartitionNames names)
    {
        var version = Version(plan);
        var writer = W.ForScript(plan.Schema + "." + plan.Table, "PostgreSQL 15", PartitionStep.PathToken,
            $"Registers {plan.Table} with pg_partman {version}.x. Re-runnable: create_parent runs only when the table is not registered yet.");
        writer.Statement("CREATE SCHEMA IF NOT EXISTS partman");
        writer.Statement("CREATE EXTENSION IF NOT EXISTS pg_partman SCHEMA partman");
        var parent = W.String(plan.Schema + "." + plan.Table);
        writer.Do(
            "BEGIN\n"
            + $"    IF NOT EXISTS (SELECT 1 FROM partman.part_config WHERE parent_table = {parent}) THEN\n"
            + $"        PERFORM partman.create_parent(\n            {string.Join(",\n            ", Arguments(plan))});\n"
            + "    END IF;\n"
            + "END\n", "partman");
        var settings = new List<string> { "infinite_time_partitions = true" };
        if (plan.Expires)
        {
            settings.Add($"retention = {W.String(PostgreSqlPartitionMaintenance.RetentionInterval(plan))}");
            settings.Add("retention_keep_table = false");
        }

        writer.Comment(plan.Expires
            ? $"Retention: run_maintenance drops partitions whose data is older than {plan.Retention}; infinite_time_partitions keeps creating partitions ahead even when no rows arrive."
            : "No retention: partitions are kept; infinite_time_partitions keeps creating partitions ahead even when no rows arrive.");
        writer.Statement($"UPDATE partman.part_config SET {string.Join(", ", settings)} WHERE parent_table = {parent}");
        return writer.Finish();
    }
}
