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
        if (plan.Strategy != PartitionStrategy.Range || plan.Interval is null)
        {
            throw new Errors.DbArchitectException(new Errors.DbArchitectError("PartmanNeedsRange", Errors.ErrorKind.InvalidArgument,
                "pg_partman manages range partitions by time or number.", "Use -Strategy Range, or -Mode Native for list and hash plans.", null, plan.Table));
        }

        if (plan.Converts)
        {
            return PostgreSqlPartitionConversion.Steps(plan, names, partman: true);
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
        steps.AddRange(Lifecycle(plan, names));
        return steps;
    }

    /// <summary>pg_cron running run_maintenance_proc, and the DEFAULT-rows alert.</summary>
    public static IEnumerable<PartitionStep> Lifecycle(PartitionPlan plan, PostgreSqlPartitionNames names)
    {
        yield return new("schedule", "Schedules pg_partman's run_maintenance_proc daily with pg_cron (run in the postgres database).",
            PostgreSqlPartitionMaintenance.ScheduleScript(plan, names, "CALL partman.run_maintenance_proc()", "Schedules pg_partman maintenance with pg_cron.",
                PostgreSqlPartitionLookups.CleanupCall(plan, names, $"now() - interval {W.String(PostgreSqlPartitionMaintenance.RetentionInterval(plan))}")), false, "postgres");
        yield return new("alert-default-rows", "Alert query: rows in the DEFAULT partition.", PostgreSqlPartitionMaintenance.AlertScript(plan, names), false);
    }

    public static int Version(PartitionPlan plan) => plan.PartmanVersion ?? DefaultVersion;

    /// <summary>The create_parent arguments of the plan's pg_partman version, by name.</summary>
    public static IReadOnlyList<string> Arguments(PartitionPlan plan) => Arguments(plan, plan.Table, withStart: true);

    /// <summary>
    /// create_parent's arguments for <paramref name="table"/>; without a start, create_parent makes only the partitions
    /// around today (a conversion leaves older ones to partition_data_proc, which creates them as it moves the rows).
    /// </summary>
    private static List<string> Arguments(PartitionPlan plan, string table, bool withStart)
    {
        var interval = plan.Interval!;
        var version = Version(plan);
        var arguments = new List<string>
        {
            $"p_parent_table => {W.String(plan.Schema + "." + table)}",
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
        if (withStart && plan.Start is { } start)
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
        CreateParent(writer, plan, plan.Table, withStart: true);
        writer.Comment(plan.Expires
            ? $"Retention: run_maintenance drops partitions whose data is older than {plan.Retention}; infinite_time_partitions keeps creating partitions ahead even when no rows arrive."
            : "No retention: partitions are kept; infinite_time_partitions keeps creating partitions ahead even when no rows arrive.");
        writer.Statement(Settings(plan, plan.Table, withRetention: true));
        return writer.Finish();
    }

    /// <summary>CREATE EXTENSION and create_parent for <paramref name="table"/>, run only when it is not registered yet.</summary>
    public static void CreateParent(W writer, PartitionPlan plan, string table, bool withStart)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Statement("CREATE SCHEMA IF NOT EXISTS partman");
        writer.Statement("CREATE EXTENSION IF NOT EXISTS pg_partman SCHEMA partman");
        writer.Do(
            "BEGIN\n"
            + $"    IF NOT EXISTS (SELECT 1 FROM partman.part_config WHERE parent_table = {W.String(plan.Schema + "." + table)}) THEN\n"
            + $"        PERFORM partman.create_parent(\n            {string.Join(",\n            ", Arguments(plan, table, withStart))});\n"
            + "    END IF;\n"
            + "END\n", "partman");
    }

    /// <summary>The part_config update of the plan's settings (retention only when asked: a conversion sets it after the swap).</summary>
    public static string Settings(PartitionPlan plan, string table, bool withRetention)
    {
        var settings = new List<string> { "infinite_time_partitions = true" };
        if (withRetention && plan.Expires)
        {
            settings.Add($"retention = {W.String(PostgreSqlPartitionMaintenance.RetentionInterval(plan))}");
            settings.Add("retention_keep_table = false");
        }

        return $"UPDATE partman.part_config SET {string.Join(", ", settings)} WHERE parent_table = {W.String(plan.Schema + "." + table)}";
    }

    /// <summary>
    /// Conversion step: pg_partman's partition_data_proc moves the copied rows that landed in the copy's DEFAULT
    /// partition into partitions it creates for them, one interval per committed batch.
    /// </summary>
    public static string PartitionData(PartitionPlan plan, PostgreSqlPartitionNames names)
    {
        var copy = W.String(plan.Schema + "." + names.Partitioned);
        var writer = W.ForReference(plan.Schema + "." + plan.Table, "PostgreSQL 15", PartitionStep.PathToken,
            $"After the copy: pg_partman creates the partitions of {names.Partitioned} for the copied periods and moves their rows out of its DEFAULT partition, one {plan.Interval!.Name} per committed batch. Run outside a transaction block; re-runnable (it moves nothing once DEFAULT holds no row of a past period).");
        writer.Comment("Rows move within the partitioned copy (DEFAULT → its new partition), so the copy's row count and checksum do not change; the sync trigger keeps writing while it runs.");
        writer.Statement($"CALL partman.partition_data_proc({copy}, p_wait => 0)");
        writer.Statement($"SELECT count(*) AS rows_left_in_default FROM {W.Qualified(plan.Schema, DefaultOf(names.Partitioned))}");
        return writer.Finish();
    }

    /// <summary>
    /// PL/pgSQL run inside the swap, after the copy took the table's name: its partitions lose the copy's prefix
    /// (table_partitioned_p2024_01 → table_p2024_01, so pg_partman's next partitions match them), and part_config
    /// follows the rename and gets the retention (only now: nothing may expire before verification passed).
    /// </summary>
    public static string AdoptAfterSwap(PartitionPlan plan, PostgreSqlPartitionNames names) =>
        "    DECLARE\n"
        + "        v record;\n"
        + "    BEGIN\n"
        + $"        FOR v IN SELECT c.relname FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid WHERE i.inhparent = {names.ParentText}::regclass AND left(c.relname, {names.Partitioned.Length + 1}) = {W.String(names.Partitioned + "_")} LOOP\n"
        + $"            EXECUTE format('ALTER TABLE %I.%I RENAME TO %I', {W.String(plan.Schema)}, v.relname, {W.String(names.Base)} || substr(v.relname, {names.Partitioned.Length + 1}));\n"
        + "        END LOOP;\n"
        + "    END;\n"
        + $"    UPDATE partman.part_config SET parent_table = {W.String(plan.Schema + "." + plan.Table)} WHERE parent_table = {W.String(plan.Schema + "." + names.Partitioned)};\n"
        + "    " + Settings(plan, plan.Table, withRetention: true) + ";\n";

    /// <summary>PL/pgSQL for the rollback: the copy's pg_partman registration and template table are removed (before the copy is dropped).</summary>
    public static string Forget(PartitionPlan plan, PostgreSqlPartitionNames names)
    {
        var registered = $"parent_table IN ({W.String(plan.Schema + "." + plan.Table)}, {W.String(plan.Schema + "." + names.Partitioned)})";
        return "    DECLARE\n"
            + "        v record;\n"
            + "    BEGIN\n"
            + "        IF to_regclass('partman.part_config') IS NOT NULL THEN\n"
            + $"            FOR v IN SELECT template_table FROM partman.part_config WHERE {registered} AND template_table IS NOT NULL LOOP\n"
            + "                EXECUTE 'DROP TABLE IF EXISTS ' || v.template_table;\n"
            + "            END LOOP;\n"
            + $"            DELETE FROM partman.part_config WHERE {registered};\n"
            + "        END IF;\n"
            + "    END;\n";
    }

    /// <summary>The DEFAULT partition pg_partman creates for a parent: parent_default.</summary>
    private static string DefaultOf(string parent) => parent + "_default";
}
