using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// The numbered build scripts of a SQL Server design, batches separated by GO: schema, tables, foreign keys, indexes,
/// full-text, triggers, audit, security. Scripts a model does not need are left out and the rest numbered without
/// gaps. They do not run in one transaction: CREATE FULLTEXT INDEX cannot, and sqlcmd -b stops at the first error.
/// Reference files follow: query templates, server configuration, maintenance jobs, backup and restore.
/// </summary>
public sealed class SqlServerScripts : IScriptGenerator
{
    internal const string EngineId = "sqlserver";

    public IReadOnlyList<SqlScript> Generate(DbDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        var model = design.Physical;
        var steps = new List<Step>
        {
            new("schema", ScriptKind.Schema, SqlServerSchemaDdl.Purpose, w => SqlServerSchemaDdl.Write(w, model)),
            new("tables", ScriptKind.Tables, SqlServerTableDdl.Purpose, w => SqlServerTableDdl.Write(w, model)),
        };
        if (SqlServerForeignKeyDdl.IsNeeded(model))
        {
            steps.Add(new("foreign_keys", ScriptKind.ForeignKeys, SqlServerForeignKeyDdl.Purpose, w => SqlServerForeignKeyDdl.Write(w, model)));
        }

        if (SqlServerIndexDdl.IsNeeded(model))
        {
            steps.Add(new("indexes", ScriptKind.Indexes, SqlServerIndexDdl.Purpose, w => SqlServerIndexDdl.Write(w, model)));
        }

        if (SqlServerFullText.IsNeeded(model))
        {
            steps.Add(new("fulltext", ScriptKind.Indexes, SqlServerFullText.Purpose, w => SqlServerFullText.Write(w, model)));
        }

        if (SqlServerTriggerDdl.IsNeeded(model))
        {
            steps.Add(new("triggers", ScriptKind.Triggers, SqlServerTriggerDdl.Purpose, w => SqlServerTriggerDdl.Write(w, model)));
        }

        if (SqlServerAuditDdl.IsNeeded(model))
        {
            steps.Add(new("audit", ScriptKind.Audit, SqlServerAuditDdl.Purpose, w => SqlServerAuditDdl.Write(w, model)));
        }

        steps.Add(new("security", ScriptKind.Security, SqlServerSecurityDdl.Purpose, w => SqlServerSecurityDdl.Write(w, model)));

        var scripts = new List<SqlScript>(steps.Count + 8);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var order = i + 1;
            var fileName = order.ToString("000", CultureInfo.InvariantCulture) + "_" + step.Name + ".sql";
            var writer = SqlServerWriter.ForScript(design.Application, design.EngineDisplayName, fileName, step.Purpose);
            step.Write(writer);
            scripts.Add(new SqlScript(fileName, order, step.Kind, EngineId, step.Purpose, writer.Finish(), RunsInTransaction: false));
        }

        void Add(string path, ScriptKind kind, string purpose, Action<SqlServerWriter> write)
        {
            var writer = SqlServerWriter.ForReference(design.Application, design.EngineDisplayName, path, purpose);
            write(writer);
            scripts.Add(new SqlScript(path, scripts.Count + 1, kind, EngineId, purpose, writer.Finish(), RunsInTransaction: false));
        }

        if (design.QueryTemplates.Any(t => t.Statements.Count > 0))
        {
            Add(SqlServerQueries.RelativePath, ScriptKind.Queries, SqlServerQueries.Purpose, w => SqlServerQueries.WriteFile(w, design));
        }

        if (design.Configuration is { } config)
        {
            scripts.Add(new SqlScript(SqlServerConfigAdvisor.ConfigPath, scripts.Count + 1, ScriptKind.Config, EngineId,
                "sp_configure settings for the stated hardware and workload, and tempdb files", config.ConfigFile, RunsInTransaction: false));
        }

        if (design.Maintenance.Jobs.Count > 0)
        {
            Add(SqlServerMaintenance.JobsPath, ScriptKind.Jobs, SqlServerMaintenance.JobsPurpose, w => SqlServerMaintenance.WriteJobs(w, design));
        }

        if (design.Backup is { } backup)
        {
            Add(SqlServerBackup.BackupPath, ScriptKind.Jobs, SqlServerBackup.BackupPurpose, w => SqlServerBackup.WriteBackup(w, design, backup));
            Add(SqlServerBackup.RestorePath, ScriptKind.Reference, SqlServerBackup.RestorePurpose, w => SqlServerBackup.WriteRestore(w, design, backup));
        }

        return scripts;
    }

    private sealed record Step(string Name, ScriptKind Kind, string Purpose, Action<SqlServerWriter> Write);
}
