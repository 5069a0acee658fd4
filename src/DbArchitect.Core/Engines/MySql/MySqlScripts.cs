using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// The numbered build scripts of a MySQL/MariaDB design: tables, foreign keys, indexes, audit triggers, roles. They
/// create objects in the database they are run in (the client's --database), so the same files build a test copy;
/// database/create_database.sql creates the design's own database with its character set. DDL commits implicitly on
/// both servers, so no script runs in a transaction: a failed file is re-run after dropping what it created.
/// </summary>
public sealed class MySqlScripts : IScriptGenerator
{
    public const string DatabasePath = "database/create_database.sql";

    private readonly MySqlDialect _dialect;

    public MySqlScripts(MySqlDialect dialect) => _dialect = dialect;

    public IReadOnlyList<SqlScript> Generate(DbDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        var model = design.Physical;
        var d = _dialect;
        var steps = new List<(string Name, ScriptKind Kind, string Purpose, Action<MySqlWriter> Write)>
        {
            ("tables", ScriptKind.Tables, MySqlTableDdl.Purpose, w => MySqlTableDdl.Write(w, model, d)),
        };
        if (MySqlForeignKeyDdl.IsNeeded(model))
        {
            steps.Add(("foreign_keys", ScriptKind.ForeignKeys, MySqlForeignKeyDdl.Purpose, w => MySqlForeignKeyDdl.Write(w, model)));
        }

        if (MySqlIndexDdl.IsNeeded(model))
        {
            steps.Add(("indexes", ScriptKind.Indexes, MySqlIndexDdl.Purpose, w => MySqlIndexDdl.Write(w, model, d)));
        }

        if (MySqlAuditDdl.IsNeeded(model))
        {
            steps.Add(("audit", ScriptKind.Audit, MySqlAuditDdl.Purpose, w => MySqlAuditDdl.Write(w, model, d)));
        }

        steps.Add(("security", ScriptKind.Security, MySqlSecurityDdl.Purpose, w => MySqlSecurityDdl.Write(w, model, d)));

        var scripts = new List<SqlScript>();
        foreach (var step in steps)
        {
            var order = scripts.Count + 1;
            var fileName = order.ToString("000", CultureInfo.InvariantCulture) + "_" + step.Name + ".sql";
            var writer = MySqlWriter.ForScript(d, design.Application, fileName, step.Purpose);
            step.Write(writer);
            scripts.Add(new SqlScript(fileName, order, step.Kind, d.Id, step.Purpose, writer.Finish(), RunsInTransaction: false));
        }

        void Add(string path, ScriptKind kind, string purpose, Action<MySqlWriter> write)
        {
            var writer = MySqlWriter.ForReference(d, design.Application, path, purpose);
            write(writer);
            scripts.Add(new SqlScript(path, scripts.Count + 1, kind, d.Id, purpose, writer.Finish(), RunsInTransaction: false));
        }

        Add(DatabasePath, ScriptKind.Schema, "Creates the design's database with utf8mb4 and the design's collation; run once before the numbered scripts.",
            w => w.Statement($"CREATE DATABASE IF NOT EXISTS {MySqlWriter.Id(model.Schema)} CHARACTER SET utf8mb4 COLLATE {d.Collation}"));

        if (design.QueryTemplates.Any(t => t.Statements.Count > 0))
        {
            Add(MySqlQueries.RelativePath, ScriptKind.Queries, MySqlQueries.Purpose, w => MySqlQueries.WriteFile(w, design));
        }

        if (design.Maintenance.Jobs.Count > 0)
        {
            Add(MySqlMaintenance.JobsPath, ScriptKind.Jobs, "Event scheduler jobs (needs event_scheduler = ON).", w =>
            {
                foreach (var job in design.Maintenance.Jobs)
                {
                    w.Comment(job.Reason);
                    w.ClausesStatement($"CREATE EVENT IF NOT EXISTS {MySqlWriter.Id(job.Name)}", new[] { EventSchedule(job.Schedule), "DO " + job.Command });
                }
            });
        }

        if (design.Configuration is { } config)
        {
            scripts.Add(new SqlScript(MySqlConfigAdvisor.ConfigPath, scripts.Count + 1, ScriptKind.Config, d.Id,
                "Option file [mysqld] section for the stated hardware and workload", config.ConfigFile, RunsInTransaction: false));
            scripts.Add(new SqlScript(MySqlConfigAdvisor.SetPath, scripts.Count + 1, ScriptKind.Config, d.Id,
                "The same settings at runtime", config.AlterSystemScript, RunsInTransaction: false));
        }

        return scripts;
    }

    /// <summary>A daily (m h * * *) or weekly (m h * * dow) cron line as an event schedule starting at that time.</summary>
    private static string EventSchedule(string cron)
    {
        var f = cron.Split(' ');
        var minute = int.Parse(f[0], CultureInfo.InvariantCulture);
        var hour = int.Parse(f[1], CultureInfo.InvariantCulture);
        var weekly = f[4] != "*";
        var time = string.Create(CultureInfo.InvariantCulture, $"{hour:00}:{minute:00}:00");
        // 2024-01-07 is a Sunday: a weekly job with day-of-week 0 starts on Sundays.
        return weekly
            ? $"ON SCHEDULE EVERY 1 WEEK STARTS '2024-01-07 {time}'"
            : $"ON SCHEDULE EVERY 1 DAY STARTS '2024-01-01 {time}'";
    }
}
