using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.Oracle.OracleWriter;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>maintenance/jobs.sql (DBMS_SCHEDULER jobs), monitoring/health.sql and migrations/playbook.sql.</summary>
internal static class OracleMaintenanceSql
{
    public const string JobsPath = "maintenance/jobs.sql";
    public const string JobsPurpose = "DBMS_SCHEDULER jobs: statistics for fast-growing tables, segment shrink from the Segment Advisor, audit purge.";
    public const string HealthPath = "monitoring/health.sql";
    public const string HealthPurpose = "Health queries: top SQL, waiting sessions, tablespace use, unusable indexes, stale statistics.";
    public const string PlaybookPath = "migrations/playbook.sql";
    public const string PlaybookPurpose = "Online schema changes on Oracle: DDL_LOCK_TIMEOUT, invisible indexes, online column changes, DBMS_REDEFINITION.";

    private static readonly string[] Days = { "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT" };

    public static void WriteJobs(W writer, SchemaModel model, IReadOnlyList<MaintenanceJob> jobs)
    {
        var schema = OracleIdentifiers.DictionaryName(model.Schema);
        foreach (var job in jobs)
        {
            writer.BlankLine();
            writer.Comment($"{job.Name} ({job.Schedule}): {job.Reason}");
            var action = job.Name switch
            {
                "segment_advisor" => $"BEGIN FOR r IN (SELECT c1 FROM TABLE(DBMS_SPACE.ASA_RECOMMENDATIONS('TRUE', 'TRUE', 'FALSE')) WHERE segment_owner = '{schema.Replace("'", "''", StringComparison.Ordinal)}' AND c1 IS NOT NULL) LOOP EXECUTE IMMEDIATE r.c1; END LOOP; END;",
                _ => $"BEGIN {job.Command}; END;",
            };
            var name = new string(job.Name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_').ToArray());
            name = "DBA_" + (name.Length > 100 ? name[..100] : name);
            writer.PlSql("BEGIN", new[]
            {
                "    DBMS_SCHEDULER.CREATE_JOB(",
                $"        job_name => {W.String(W.Id(model.Schema) + "." + name)},",
                "        job_type => 'PLSQL_BLOCK',",
                $"        job_action => {W.String(action)},",
                $"        repeat_interval => {W.String(Calendar(job.Schedule))},",
                "        enabled => TRUE,",
                $"        comments => {W.String(TextCut.ToLength(W.Fit(job.Reason), 240, "..."))});",
                "END;",
            });
        }
    }

    /// <summary>A cron line of the shapes the planners use ("m h * * d", "m */n * * *") as a scheduler calendar expression.</summary>
    public static string Calendar(string cron)
    {
        var f = cron.Split(' ');
        if (f[1].StartsWith("*/", StringComparison.Ordinal))
        {
            return $"FREQ=HOURLY; INTERVAL={f[1][2..]}; BYMINUTE={f[0]}";
        }

        var days = f[4] switch
        {
            "*" => string.Empty,
            "0" => "; BYDAY=SUN",
            "6" => "; BYDAY=SAT",
            "1-6" => "; BYDAY=MON,TUE,WED,THU,FRI,SAT",
            var d => "; BYDAY=" + string.Join(",", d.Split(',').Select(x => Days[int.Parse(x, CultureInfo.InvariantCulture) % 7])),
        };
        return (days.Length == 0 ? "FREQ=DAILY" : "FREQ=WEEKLY") + days + $"; BYHOUR={f[1]}; BYMINUTE={f[0]}";
    }

    public static void WriteHealth(W writer, SchemaModel model)
    {
        var schema = W.String(OracleIdentifiers.DictionaryName(model.Schema));
        void Query(string comment, params string[] lines)
        {
            writer.BlankLine();
            writer.Comment(comment);
            writer.ClausesStatement(lines[0], lines.Skip(1));
        }

        Query("Top 20 statements by elapsed time since they were loaded.",
            "SELECT sql_id, executions, ROUND(elapsed_time / 1e6, 1) AS elapsed_s, ROUND(elapsed_time / NULLIF(executions, 0) / 1e3, 2) AS ms_per_exec, buffer_gets, SUBSTR(sql_text, 1, 120) AS sql_text",
            "FROM v$sqlstats", "ORDER BY elapsed_time DESC", "FETCH FIRST 20 ROWS ONLY");
        Query("Sessions waiting right now, and on what.",
            "SELECT sid, username, event, wait_class, seconds_in_wait, sql_id, blocking_session",
            "FROM v$session", "WHERE wait_class <> 'Idle' AND type = 'USER'", "ORDER BY seconds_in_wait DESC");
        Query("Tablespace use.",
            "SELECT tablespace_name, ROUND(used_percent, 1) AS used_percent", "FROM dba_tablespace_usage_metrics", "ORDER BY used_percent DESC");
        Query("Unusable indexes of the schema (a failed rebuild or a partition operation).",
            "SELECT index_name, status", "FROM dba_indexes", $"WHERE owner = {schema} AND status NOT IN ('VALID', 'N/A')");
        Query("Tables of the schema with stale or missing statistics.",
            "SELECT table_name, stale_stats, last_analyzed", "FROM dba_tab_statistics", $"WHERE owner = {schema} AND (stale_stats = 'YES' OR last_analyzed IS NULL)");
    }

    public static void WritePlaybook(W writer, DbDesign design)
    {
        var table = design.Physical.Tables.FirstOrDefault(t => t.Kind == TableKind.Entity) ?? design.Physical.Tables.FirstOrDefault();
        if (table is null)
        {
            return;
        }

        var name = W.Qualified(design.Physical.Schema, table.Name);
        var column = table.Columns.FirstOrDefault(c => c.Role == ColumnRole.Attribute) ?? table.Columns[0];
        writer.BlankLine();
        writer.Comment("1. Wait at most 10 s for a lock instead of failing at once (ORA-00054) or queueing forever.");
        writer.Statement("ALTER SESSION SET ddl_lock_timeout = 10");
        writer.BlankLine();
        writer.Comment("2. New index: build it online and invisible, test it in one session, then make it visible.");
        writer.Statement($"CREATE INDEX {W.Qualified(design.Physical.Schema, "ix_example_new")} ON {name} ({W.Id(column.Name)}) INVISIBLE ONLINE");
        writer.Statement("ALTER SESSION SET optimizer_use_invisible_indexes = TRUE");
        writer.Statement($"ALTER INDEX {W.Qualified(design.Physical.Schema, "ix_example_new")} VISIBLE");
        writer.BlankLine();
        writer.Comment("3. Index to drop: make it invisible for a week first; ALTER INDEX … VISIBLE undoes it instantly.");
        writer.Statement($"ALTER INDEX {W.Qualified(design.Physical.Schema, "ix_example_new")} INVISIBLE");
        writer.BlankLine();
        writer.Comment("4. New NOT NULL column with a default: metadata-only since 11g (no table rewrite).");
        writer.Statement($"ALTER TABLE {name} ADD ({W.Id("example_flag")} NUMBER(1) DEFAULT 0 NOT NULL)");
        writer.BlankLine();
        writer.Comment("5. New constraint on a large table: ENABLE NOVALIDATE first (no scan, new rows checked), VALIDATE later without blocking DML.");
        writer.Statement($"ALTER TABLE {name} ADD CONSTRAINT {W.Id("ck_example_flag")} CHECK ({W.Id("example_flag")} IN (0, 1)) ENABLE NOVALIDATE");
        writer.Statement($"ALTER TABLE {name} MODIFY CONSTRAINT {W.Id("ck_example_flag")} VALIDATE");
        writer.BlankLine();
        writer.Comment("6. Restructuring a busy table (type changes, partitioning): DBMS_REDEFINITION copies it online and swaps in a moment.");
        writer.PlSql("BEGIN", new[]
        {
            $"    DBMS_REDEFINITION.CAN_REDEF_TABLE({W.String(OracleIdentifiers.DictionaryName(design.Physical.Schema))}, {W.String(OracleIdentifiers.DictionaryName(table.Name))}, DBMS_REDEFINITION.CONS_USE_PK);",
            "END;",
        });
    }
}
