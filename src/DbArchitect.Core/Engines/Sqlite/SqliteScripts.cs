using System.Globalization;
using DbArchitect.Core.Design;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// The numbered build scripts of a SQLite design: database settings, tables (foreign keys inline), indexes, FTS5
/// search tables, triggers, audit. Scripts a model does not need are left out and the rest numbered without gaps.
/// Each (but the first, whose PRAGMAs cannot run in a transaction) runs in one transaction. Query templates,
/// connection PRAGMAs, maintenance, backup and security notes follow as reference files in sub-folders.
/// </summary>
public sealed class SqliteScripts : IScriptGenerator
{
    private const string EngineId = "sqlite";

    public IReadOnlyList<SqlScript> Generate(DbDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        var model = design.Physical;
        var steps = new List<Step>
        {
            new("database", ScriptKind.Schema, SqliteDatabaseDdl.Purpose, false, _ => SqliteDatabaseDdl.Write(_)),
            new("tables", ScriptKind.Tables, SqliteTableDdl.Purpose, true, w => SqliteTableDdl.Write(w, model)),
        };
        if (SqliteIndexDdl.IsNeeded(model))
        {
            steps.Add(new("indexes", ScriptKind.Indexes, SqliteIndexDdl.Purpose, true, w => SqliteIndexDdl.Write(w, model)));
        }

        if (SqliteSearchDdl.IsNeeded(model))
        {
            steps.Add(new("search", ScriptKind.Indexes, SqliteSearchDdl.Purpose, true, w => SqliteSearchDdl.Write(w, model)));
        }

        if (SqliteTriggerDdl.IsNeeded(model))
        {
            steps.Add(new("triggers", ScriptKind.Triggers, SqliteTriggerDdl.Purpose, true, w => SqliteTriggerDdl.Write(w, model)));
        }

        if (SqliteAuditDdl.IsNeeded(model))
        {
            steps.Add(new("audit", ScriptKind.Audit, SqliteAuditDdl.Purpose, true, w => SqliteAuditDdl.Write(w, model)));
        }

        var scripts = new List<SqlScript>(steps.Count + 6);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var order = i + 1;
            var fileName = order.ToString("000", CultureInfo.InvariantCulture) + "_" + step.Name + ".sql";
            var writer = SqliteWriter.ForScript(design.Application, design.EngineDisplayName, fileName, step.Purpose, step.Transaction);
            step.Write(writer);
            scripts.Add(new SqlScript(fileName, order, step.Kind, EngineId, step.Purpose, writer.Finish(), step.Transaction));
        }

        void Reference(string path, ScriptKind kind, string purpose, Action<SqliteWriter> write)
        {
            var writer = SqliteWriter.ForReference(design.Application, design.EngineDisplayName, path, purpose);
            write(writer);
            scripts.Add(new SqlScript(path, scripts.Count + 1, kind, EngineId, purpose, writer.Finish(), RunsInTransaction: false));
        }

        if (SqliteQueries.IsNeeded(design))
        {
            Reference(SqliteQueries.RelativePath, ScriptKind.Queries, SqliteQueries.Purpose, w => SqliteQueries.WriteFile(w, design));
        }

        if (design.Configuration is { } config)
        {
            scripts.Add(new SqlScript(SqliteConfigAdvisor.RelativePath, scripts.Count + 1, ScriptKind.Config, EngineId, SqliteConfigAdvisor.Purpose, config.ConfigFile, RunsInTransaction: false));
        }

        if (design.Maintenance.Jobs.Count > 0)
        {
            Reference(SqliteMaintenance.RelativePath, ScriptKind.Jobs, SqliteMaintenance.Purpose, w => SqliteMaintenance.WriteFile(w, design));
        }

        if (design.Backup is { } backup)
        {
            scripts.Add(new SqlScript(SqliteBackup.ScriptPath, scripts.Count + 1, ScriptKind.Jobs, EngineId, SqliteBackup.ScriptPurpose,
                SqliteBackup.Script(design, backup), RunsInTransaction: false));
        }

        return scripts;
    }

    private sealed record Step(string Name, ScriptKind Kind, string Purpose, bool Transaction, Action<SqliteWriter> Write);
}
