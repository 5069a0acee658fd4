using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Requirements;
using W = DbArchitect.Core.Engines.Oracle.OracleWriter;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>
/// The numbered build scripts of an Oracle design: schema user, tables, foreign keys, indexes, triggers, audit,
/// security; scripts a model does not need are left out and the rest numbered without gaps. Oracle DDL commits
/// implicitly, so no script runs in a transaction: each stops at its first error (WHENEVER SQLERROR EXIT) and is
/// re-run after the cause is fixed and the objects it created are dropped. Reference files follow in sub-folders.
/// </summary>
public sealed class OracleScripts : IScriptGenerator
{
    private const string EngineId = "oracle";
    private readonly OracleTypes _types;

    public OracleScripts(OracleTypes? types = null) => _types = types ?? new OracleTypes();

    public IReadOnlyList<SqlScript> Generate(DbDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        var model = design.Physical;
        var names = new OracleNames(model, _types);
        var analytics = design.Requirement.Application.Kind == ApplicationKind.Analytics;
        var steps = new List<(string Name, ScriptKind Kind, string Purpose, Action<W> Write)>
        {
            ("schema", ScriptKind.Schema, OracleSchemaDdl.Purpose, w => OracleSchemaDdl.Write(w, model)),
            ("tables", ScriptKind.Tables, OracleTableDdl.Purpose, w => OracleTableDdl.Write(w, model, _types, names)),
        };
        if (OracleForeignKeyDdl.IsNeeded(model))
        {
            steps.Add(("foreign_keys", ScriptKind.ForeignKeys, OracleForeignKeyDdl.Purpose, w => OracleForeignKeyDdl.Write(w, model)));
        }

        if (OracleIndexDdl.IsNeeded(model))
        {
            steps.Add(("indexes", ScriptKind.Indexes, OracleIndexDdl.Purpose, w => OracleIndexDdl.Write(w, model, _types, analytics)));
        }

        if (OracleTriggerDdl.IsNeeded(model))
        {
            steps.Add(("triggers", ScriptKind.Triggers, OracleTriggerDdl.Purpose, w => OracleTriggerDdl.Write(w, model, names)));
        }

        steps.Add(("security", ScriptKind.Security, OracleSecurityDdl.Purpose, w => OracleSecurityDdl.Write(w, model, _types, names)));
        if (OracleAuditDdl.IsNeeded(model))
        {
            // After security: the audit triggers read the application context created there.
            steps.Add(("audit", ScriptKind.Audit, OracleAuditDdl.Purpose, w => OracleAuditDdl.Write(w, model, _types, names)));
        }

        var scripts = new List<SqlScript>();
        for (var i = 0; i < steps.Count; i++)
        {
            var (name, kind, purpose, write) = steps[i];
            var fileName = (i + 1).ToString("000", CultureInfo.InvariantCulture) + "_" + name + ".sql";
            var writer = W.ForScript(design.Application, design.EngineDisplayName, fileName, purpose, buildStep: true);
            write(writer);
            scripts.Add(new SqlScript(fileName, i + 1, kind, EngineId, purpose, writer.Finish(), RunsInTransaction: false));
        }

        void Reference(string path, ScriptKind kind, string purpose, Action<W> write)
        {
            var writer = W.ForScript(design.Application, design.EngineDisplayName, path, purpose, buildStep: false);
            write(writer);
            scripts.Add(new SqlScript(path, scripts.Count + 1, kind, EngineId, purpose, writer.Finish(), RunsInTransaction: false));
        }

        if (OracleQueries.IsNeeded(design))
        {
            Reference(OracleQueries.RelativePath, ScriptKind.Queries, OracleQueries.Purpose, w => OracleQueries.WriteFile(w, design, _types));
        }

        Reference(OracleMaintenanceSql.PlaybookPath, ScriptKind.Reference, OracleMaintenanceSql.PlaybookPurpose, w => OracleMaintenanceSql.WritePlaybook(w, design));
        Reference(OracleMaintenanceSql.HealthPath, ScriptKind.Reference, OracleMaintenanceSql.HealthPurpose, w => OracleMaintenanceSql.WriteHealth(w, model));
        if (design.Maintenance.Jobs.Count > 0)
        {
            Reference(OracleMaintenanceSql.JobsPath, ScriptKind.Jobs, OracleMaintenanceSql.JobsPurpose, w => OracleMaintenanceSql.WriteJobs(w, model, design.Maintenance.Jobs));
        }

        if (design.Backup is { } backup)
        {
            scripts.AddRange(OracleBackupFiles.Generate(design, backup, scripts.Count + 1));
        }

        if (design.Configuration is { } config)
        {
            scripts.Add(new SqlScript("config/init.ora", scripts.Count + 1, ScriptKind.Config, EngineId,
                "Instance parameters (pfile syntax) for the stated hardware and workload", config.ConfigFile, RunsInTransaction: false));
            scripts.Add(new SqlScript("config/alter_system.sql", scripts.Count + 1, ScriptKind.Config, EngineId,
                "The same parameters as ALTER SYSTEM … SCOPE = SPFILE (restart once afterwards)", config.AlterSystemScript, RunsInTransaction: false));
        }

        return scripts;
    }
}
