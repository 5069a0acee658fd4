using System.Globalization;
using DbArchitect.Core.Partitioning;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// The native plan's lifecycle: a maintenance function that creates the partitions ahead and removes expired ones
/// (taking a reference time, so tests and catch-up runs can move time), its pg_cron job, and the DEFAULT-rows alert.
/// </summary>
internal static class PostgreSqlPartitionMaintenance
{
    /// <summary>How long maintenance waits for a lock before giving up until its next run, instead of queueing writers behind it.</summary>
    public const string LockTimeout = "5s";

    public const string Schedule = "7 0 * * *";

    /// <summary>The lookup cleanup of a pg_partman plan, an hour after run_maintenance_proc has dropped expired partitions.</summary>
    public const string LookupSchedule = "7 1 * * *";

    public static string Reason(PartitionPlan plan) =>
        $"The maintenance function creates each new partition as a plain table and ATTACHes it (SHARE UPDATE EXCLUSIVE on the parent, so reads and writes continue), first moving any rows of its range out of the DEFAULT partition; "
        + (plan.Expires ? $"it DETACHes and drops partitions whose upper bound is older than {plan.Retention}. DETACH … CONCURRENTLY is not used: it cannot run inside a function's transaction and PostgreSQL refuses it while a DEFAULT partition exists, so the function sets lock_timeout {LockTimeout} and simply retries on its next run if a long query holds the table. " : string.Empty)
        + $"pg_cron runs it daily ({Schedule}), which keeps {plan.Premake} partitions ahead even for daily partitions.";

    /// <summary>CREATE OR REPLACE FUNCTION …_partition_maintenance(p_reference, p_from, p_parent, p_expire).</summary>
    public static string Function(PartitionPlan plan, PostgreSqlPartitionNames names)
    {
        var interval = plan.Interval ?? throw new InvalidOperationException("A range plan has an interval.");
        var keyType = plan.Target.NativeTypeOf(plan.Key) ?? "timestamptz";
        var numeric = !interval.IsCalendar;
        var refType = numeric ? "bigint" : "timestamptz";
        var step = numeric ? interval.Width.ToString(CultureInfo.InvariantCulture) : $"interval {W.String(interval.PostgreSqlInterval)}";
        string Floor(string x) => numeric
            ? $"(floor({x}::numeric / {interval.Width.ToString(CultureInfo.InvariantCulture)}) * {interval.Width.ToString(CultureInfo.InvariantCulture)})::bigint"
            : interval.Unit == IntervalUnit.Quarter ? $"date_trunc('quarter', {x})" : $"date_trunc({W.String(interval.Name)}, {x})";
        var suffix = numeric ? "v_lower::text" : $"to_char(v_lower, {W.String(SuffixFormat(interval))})";
        var expires = plan.Expires;
        var body = new List<string>
        {
            "DECLARE",
            "    v_parent regclass := p_parent::regclass;",
            $"    v_schema text := {W.String(names.Schema)};",
            $"    v_base text := {W.String(names.Base)};",
            $"    v_default text := {W.String(names.Default)};",
            $"    v_reference {refType} := p_reference;",
            $"    v_lower {refType};",
            $"    v_upper {refType};",
            $"    v_end {refType};",
            $"    v_high {refType};",
            expires ? $"    v_cutoff timestamptz := p_reference - interval {W.String(RetentionInterval(plan))};" : "    v_cutoff timestamptz;",
            "    v_name text;",
            "    v_suffix text;",
            "    v_moved bigint;",
            "    v_options text[];",
            "    v_child record;",
            "BEGIN",
            $"    PERFORM set_config('lock_timeout', {W.String(PostgreSqlPartitionMaintenance.LockTimeout)}, true);",
        };
        if (numeric)
        {
            body.Add($"    IF v_reference IS NULL THEN");
            body.Add($"        EXECUTE format('SELECT coalesce(max(%I), 0) FROM %s', {W.String(plan.Key)}, v_parent) INTO v_reference;");
            body.Add("    END IF;");
        }

        body.AddRange(new List<string>
        {
            $"    v_lower := {Floor(numeric ? "least(coalesce(p_from, v_reference), v_reference)" : "least(coalesce(p_from, v_reference), v_reference)")};",
            $"    v_end := {Floor("v_reference")} + {step} * {(plan.Premake + 1).ToString(CultureInfo.InvariantCulture)};",
            "    -- After missed runs, fill the gap from the highest existing partition, so no range is left to DEFAULT.",
            "    IF p_from IS NULL THEN",
            $"        SELECT max((regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \\(''?([^'')]+)''?\\)'))[1]::{refType}) INTO v_high",
            "        FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid WHERE i.inhparent = v_parent;",
            "        IF v_high IS NOT NULL AND v_high < v_lower THEN",
            "            v_lower := v_high;",
            "        END IF;",
            "    END IF;",
            "    WHILE v_lower < v_end LOOP",
            $"        v_upper := v_lower + {step};",
            $"        v_suffix := '_p' || {suffix};",
            "        v_name := left(v_base, 63 - length(v_suffix)) || v_suffix;",
            "        IF to_regclass(format('%I.%I', v_schema, v_name)) IS NULL"
                + (expires ? " AND (NOT p_expire OR v_upper > v_cutoff) THEN" : " THEN"),
            "            -- A new range's rows may already sit in DEFAULT; they move first, or the attach would be refused.",
            "            EXECUTE format('CREATE TABLE %I.%I (LIKE %s INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', v_schema, v_name, v_parent);",
            "            IF to_regclass(format('%I.%I', v_schema, v_default)) IS NOT NULL THEN",
            $"                EXECUTE format('WITH moved AS (DELETE FROM %I.%I WHERE %I >= $1 AND %I < $2 RETURNING *) INSERT INTO %I.%I SELECT * FROM moved', v_schema, v_default, {W.String(plan.Key)}, {W.String(plan.Key)}, v_schema, v_name)",
            $"                    USING v_lower::{keyType}, v_upper::{keyType};",
            "                GET DIAGNOSTICS v_moved = ROW_COUNT;",
            "            ELSE",
            "                v_moved := 0;",
            "            END IF;",
            "            -- Storage parameters (per-table autovacuum thresholds) live on partitions only: the new one takes the newest partition's.",
            "            SELECT c.reloptions INTO v_options FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid",
            "            WHERE i.inhparent = v_parent AND c.reloptions IS NOT NULL ORDER BY c.relname DESC LIMIT 1;",
            "            IF v_options IS NOT NULL THEN",
            "                EXECUTE format('ALTER TABLE %I.%I SET (%s)', v_schema, v_name, array_to_string(v_options, ', '));",
            "            END IF;",
            $"            EXECUTE format('ALTER TABLE %s ATTACH PARTITION %I.%I FOR VALUES FROM (%L) TO (%L)', v_parent, v_schema, v_name, v_lower::{keyType}, v_upper::{keyType});",
            "            action := CASE WHEN v_moved > 0 THEN format('created, %s rows moved from DEFAULT', v_moved) ELSE 'created' END;",
            "            partition_name := v_name;",
            "            lower_bound := v_lower::text;",
            "            upper_bound := v_upper::text;",
            "            RETURN NEXT;",
            "        END IF;",
            "        v_lower := v_upper;",
            "    END LOOP;",
        });
        if (expires)
        {
            body.AddRange(new List<string>
            {
                "    IF p_expire THEN",
                "        FOR v_child IN",
                "            SELECT c.oid::regclass AS child, c.relname, (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \\(''([^'']+)''\\)'))[1] AS upper_text",
                "            FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid",
                "            WHERE i.inhparent = v_parent",
                "            ORDER BY c.relname",
                "        LOOP",
                "            CONTINUE WHEN v_child.upper_text IS NULL OR v_child.upper_text::timestamptz > v_cutoff;",
                "            EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', v_parent, v_child.child);",
                "            IF p_drop THEN",
                "                EXECUTE format('DROP TABLE %s', v_child.child);",
                "            END IF;",
                "            action := CASE WHEN p_drop THEN 'dropped' ELSE 'detached' END;",
                "            partition_name := v_child.relname;",
                "            lower_bound := NULL;",
                "            upper_bound := v_child.upper_text;",
                "            RETURN NEXT;",
                "        END LOOP;",
            });
            if (PostgreSqlPartitionLookups.CleanupCall(plan, names, "v_cutoff") is { } cleanup)
            {
                body.Add("        -- Dropping a partition fires no trigger: the keys of its rows leave the unique lookups here.");
                body.Add("        PERFORM " + cleanup["SELECT ".Length..] + ";");
            }

            body.Add("    END IF;");
        }

        body.Add("END");
        var defaultReference = numeric ? "NULL" : "now()";
        return $"CREATE OR REPLACE FUNCTION {names.Maintenance}(p_reference {refType} DEFAULT {defaultReference}, p_from {refType} DEFAULT NULL, p_parent text DEFAULT {names.ParentText}, p_expire boolean DEFAULT true, p_drop boolean DEFAULT true)\n"
            + "RETURNS TABLE (action text, partition_name text, lower_bound text, upper_bound text)\n"
            + "LANGUAGE plpgsql\n"
            + "SET \"TimeZone\" = 'UTC'\n"
            + "AS " + W.DollarQuoted(string.Join("\n", body) + "\n", "maintenance");
    }

    /// <summary>to_char formats that give the same suffixes as <see cref="PartitionInterval.Suffix"/>.</summary>
    public static string SuffixFormat(PartitionInterval interval) => interval.Unit switch
    {
        IntervalUnit.Day => "YYYYMMDD",
        IntervalUnit.Week => "IYYY\"w\"IW",
        IntervalUnit.Month => "YYYYMM",
        IntervalUnit.Quarter => "YYYY\"q\"Q",
        _ => "YYYY",
    };

    public static string RetentionInterval(PartitionPlan plan)
    {
        if (plan.Retention is not { } r)
        {
            return string.Empty;
        }

        var unit = r.Unit switch
        {
            Requirements.RetentionUnit.Day => "day",
            Requirements.RetentionUnit.Week => "week",
            Requirements.RetentionUnit.Month => "month",
            _ => "year",
        };
        return $"{r.Amount.ToString(CultureInfo.InvariantCulture)} {unit}{(r.Amount == 1 ? string.Empty : "s")}";
    }

    /// <summary>The pg_cron job, scheduled from the postgres database into the table's database.</summary>
    public static string ScheduleScript(PartitionPlan plan, PostgreSqlPartitionNames names, string command, string purpose, string? lookupCleanup = null)
    {
        var writer = W.ForReference(plan.Schema + "." + plan.Table, "PostgreSQL 15", PartitionStep.PathToken, purpose);
        var database = plan.Database is { } db ? W.String(db) : ":'target_database'";
        if (plan.Database is null)
        {
            writer.Comment("Run in the database where pg_cron is installed (cron.database_name, usually postgres): psql -d postgres -v target_database=<your database> -f <this file>");
        }

        PostgreSqlCronSetup.Ensure(writer);
        writer.Comment("Re-running replaces the job of the same name.");
        writer.Statement($"SELECT cron.schedule_in_database({W.String(names.CronJob)}, {W.String(Schedule)}, {W.String(command)}, {database})");
        if (lookupCleanup is not null)
        {
            writer.Comment("Expired partitions are dropped without firing triggers: this job removes their keys from the unique lookups, an hour after maintenance.");
            writer.Statement($"SELECT cron.schedule_in_database({W.String(names.LookupCronJob)}, {W.String(LookupSchedule)}, {W.String(lookupCleanup)}, {database})");
        }

        return writer.Finish();
    }

    /// <summary>Rows in DEFAULT mean a range had no partition when they arrived: maintenance did not run, or a bad timestamp.</summary>
    public static string AlertScript(PartitionPlan plan, PostgreSqlPartitionNames names)
    {
        var writer = W.ForReference(plan.Schema + "." + plan.Table, "PostgreSQL 15", PartitionStep.PathToken,
            "Alert query: rows that landed in the DEFAULT partition. Anything above 0 needs attention.");
        writer.Comment("Monitoring should alert when rows_in_default > 0: either maintenance stopped creating partitions ahead, or the application wrote a time far outside the expected range.");
        if (plan.Strategy == PartitionStrategy.List)
        {
            writer.Comment("A list plan's DEFAULT holds values the plan did not list: add a partition for each value shown (CREATE TABLE … PARTITION OF … FOR VALUES IN, after moving its rows out of DEFAULT), or fix the application.");
            var value = W.Id(plan.Key) + "::text";
            writer.Statement($"SELECT {W.String(plan.Schema + "." + plan.Table)} AS partitioned_table, count(*) AS rows_in_default, string_agg(DISTINCT {value}, ', ' ORDER BY {value}) AS unlisted_values FROM {names.DefaultQualified}");
            return writer.Finish();
        }

        writer.Statement($"SELECT {W.String(plan.Schema + "." + plan.Table)} AS partitioned_table, count(*) AS rows_in_default, min({W.Id(plan.Key)})::text AS oldest, max({W.Id(plan.Key)})::text AS newest FROM {names.DefaultQualified}");
        return writer.Finish();
    }
}
