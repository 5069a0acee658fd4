using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// The numbered build scripts of a PostgreSQL design: schema, tables, foreign keys, indexes, triggers, audit,
/// security. Scripts a model does not need are left out and the rest numbered without gaps, so file N always runs
/// after file N-1. Each runs in one transaction; applied in order to an empty database they build it. Query templates
/// for the access patterns follow as a reference script in queries/, the server configuration in config/, and the
/// operations files (migrations/, monitoring/, maintenance/, security/, backup/, sharding/).
/// </summary>
public sealed class PostgreSqlScripts : IScriptGenerator
{
    private const string EngineId = "postgresql";
    private static readonly PostgreSqlIdentifiers Identifiers = new();

    public IReadOnlyList<SqlScript> Generate(DbDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        var model = design.Physical;
        var steps = new List<Step>
        {
            new("schema", ScriptKind.Schema, PostgreSqlSchemaDdl.Purpose, w => PostgreSqlSchemaDdl.Write(w, model)),
            new("tables", ScriptKind.Tables, PostgreSqlTableDdl.Purpose, w => PostgreSqlTableDdl.Write(w, model)),
        };
        if (PostgreSqlDesignPartitions.IsNeeded(model))
        {
            steps.Add(new("partitions", ScriptKind.Tables, PostgreSqlDesignPartitions.Purpose, w => PostgreSqlDesignPartitions.Write(w, design)));
        }

        if (PostgreSqlForeignKeyDdl.IsNeeded(model))
        {
            steps.Add(new("foreign_keys", ScriptKind.ForeignKeys, PostgreSqlForeignKeyDdl.Purpose, w => PostgreSqlForeignKeyDdl.Write(w, model)));
        }

        if (PostgreSqlIndexDdl.IsNeeded(model))
        {
            steps.Add(new("indexes", ScriptKind.Indexes, PostgreSqlIndexDdl.Purpose, w => PostgreSqlIndexDdl.Write(w, model)));
        }

        if (PostgreSqlTriggerDdl.IsNeeded(model))
        {
            steps.Add(new("triggers", ScriptKind.Triggers, PostgreSqlTriggerDdl.Purpose, w => PostgreSqlTriggerDdl.Write(w, model)));
        }

        if (PostgreSqlAuditDdl.IsNeeded(model))
        {
            steps.Add(new("audit", ScriptKind.Audit, PostgreSqlAuditDdl.Purpose, w => PostgreSqlAuditDdl.Write(w, model)));
        }

        steps.Add(new("security", ScriptKind.Security, PostgreSqlSecurityDdl.Purpose,
            w => PostgreSqlSecurityDdl.Write(w, model, Identifiers.MaxIdentifierBytes,
                PostgreSqlTenantFunctions.Routines(PostgreSqlQueries.Templates(design, Identifiers.MaxIdentifierBytes)))));

        var scripts = new List<SqlScript>(steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var order = i + 1;
            var fileName = order.ToString("000", CultureInfo.InvariantCulture) + "_" + step.Name + ".sql";
            var writer = PostgreSqlWriter.ForScript(design.Application, design.EngineDisplayName, fileName, step.Purpose);
            step.Write(writer);
            scripts.Add(new SqlScript(fileName, order, step.Kind, EngineId, step.Purpose, writer.Finish(), RunsInTransaction: true));
        }

        if (PostgreSqlQueries.IsNeeded(design))
        {
            var writer = PostgreSqlWriter.ForReference(design.Application, design.EngineDisplayName, PostgreSqlQueries.RelativePath, PostgreSqlQueries.Purpose);
            PostgreSqlQueries.WriteFile(writer, design, Identifiers.MaxIdentifierBytes);
            scripts.Add(new SqlScript(PostgreSqlQueries.RelativePath, scripts.Count + 1, ScriptKind.Queries, EngineId,
                PostgreSqlQueries.Purpose, writer.Finish(), RunsInTransaction: false));
        }

        var playbook = PostgreSqlWriter.ForReference(design.Application, design.EngineDisplayName, PostgreSqlMigrationPlaybook.RelativePath, PostgreSqlMigrationPlaybook.Purpose);
        PostgreSqlMigrationPlaybook.Write(playbook, design);
        scripts.Add(new SqlScript(PostgreSqlMigrationPlaybook.RelativePath, scripts.Count + 1, ScriptKind.Reference, EngineId,
            PostgreSqlMigrationPlaybook.Purpose, playbook.Finish(), RunsInTransaction: false));

        AddOperations(design, scripts);
        if (design.Backup is { } backup)
        {
            scripts.AddRange(PostgreSqlBackupFiles.Generate(design, backup, scripts.Count + 1));
        }

        if (PostgreSqlCitusScript.IsNeeded(design))
        {
            var writer = PostgreSqlWriter.ForReference(design.Application, design.EngineDisplayName, PostgreSqlCitusScript.RelativePath, PostgreSqlCitusScript.Purpose);
            PostgreSqlCitusScript.Write(writer, design);
            scripts.Add(new SqlScript(PostgreSqlCitusScript.RelativePath, scripts.Count + 1, ScriptKind.Reference, EngineId,
                PostgreSqlCitusScript.Purpose, writer.Finish(), RunsInTransaction: false));
        }

        if (design.Configuration is { } config)
        {
            scripts.Add(new SqlScript(PostgreSqlConfigFiles.ConfigPath, scripts.Count + 1, ScriptKind.Config, EngineId,
                "postgresql.conf settings for the stated hardware and workload (PGTune plus derived)", config.ConfigFile, RunsInTransaction: false));
            scripts.Add(new SqlScript(PostgreSqlConfigFiles.AlterSystemPath, scripts.Count + 1, ScriptKind.Config, EngineId,
                "The same settings as ALTER SYSTEM statements (run outside a transaction, then restart for postmaster settings)", config.AlterSystemScript, RunsInTransaction: false));
            scripts.Add(new SqlScript(PostgreSqlConfigFiles.TablePath, scripts.Count + 1, ScriptKind.Config, EngineId,
                "Per-table autovacuum thresholds for the tables with high write rates", config.TableScript, RunsInTransaction: true));
        }

        return scripts;
    }

    /// <summary>Monitoring, maintenance and security reference files, from the plans the design carries.</summary>
    private static void AddOperations(DbDesign design, List<SqlScript> scripts)
    {
        var model = design.Physical;
        void Add(string path, ScriptKind kind, string purpose, Action<PostgreSqlWriter> write)
        {
            var writer = PostgreSqlWriter.ForReference(design.Application, design.EngineDisplayName, path, purpose);
            write(writer);
            scripts.Add(new SqlScript(path, scripts.Count + 1, kind, EngineId, purpose, writer.Finish(), RunsInTransaction: false));
        }

        if (design.Maintenance.Views.Count > 0)
        {
            var oltp = design.Requirement.Application.Kind is Requirements.ApplicationKind.Oltp or Requirements.ApplicationKind.KeyValue;
            Add(PostgreSqlMonitoringSql.HealthPath, ScriptKind.Reference, PostgreSqlMonitoringSql.HealthPurpose,
                w => PostgreSqlMonitoringSql.WriteHealth(w, model, oltp, Identifiers.MaxIdentifierBytes));
            Add(PostgreSqlMonitoringSql.StatementsPath, ScriptKind.Config, PostgreSqlMonitoringSql.StatementsPurpose,
                w => PostgreSqlMonitoringSql.WriteStatements(w, model, Identifiers.MaxIdentifierBytes));
            Add(PostgreSqlMaintenanceSql.ReindexPath, ScriptKind.Jobs, PostgreSqlMaintenanceSql.ReindexPurpose, w => PostgreSqlMaintenanceSql.WriteReindex(w, model));
        }

        if (design.Maintenance.Jobs.Count > 0)
        {
            Add(PostgreSqlMaintenanceSql.JobsPath, ScriptKind.Jobs, PostgreSqlMaintenanceSql.JobsPurpose, w => PostgreSqlMaintenanceSql.WriteJobs(w, design.Maintenance.Jobs));
        }

        if (design.Security.HostAccess.Count > 0)
        {
            scripts.Add(new SqlScript(PostgreSqlHba.RelativePath, scripts.Count + 1, ScriptKind.Config, EngineId, PostgreSqlHba.Purpose,
                PostgreSqlHba.Write(design.Application, design.EngineDisplayName, design.Security.HostAccess), RunsInTransaction: false));
        }
    }

    private sealed record Step(string Name, ScriptKind Kind, string Purpose, Action<PostgreSqlWriter> Write);
}
