using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// The numbered build scripts of a PostgreSQL design: schema, tables, foreign keys, indexes, triggers, audit,
/// security. Scripts a model does not need are left out and the rest numbered without gaps, so file N always runs
/// after file N-1. Each runs in one transaction; applied in order to an empty database they build it. Query templates
/// for the access patterns follow as a reference script in queries/.
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
            w => PostgreSqlSecurityDdl.Write(w, model, Identifiers.MaxIdentifierBytes)));

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

        return scripts;
    }

    private sealed record Step(string Name, ScriptKind Kind, string Purpose, Action<PostgreSqlWriter> Write);
}
