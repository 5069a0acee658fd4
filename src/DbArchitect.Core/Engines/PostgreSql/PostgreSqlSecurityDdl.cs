using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// Script 7: group roles and privileges, and row-level security for tenant-scoped tables. Roles are cluster-wide, so
/// they are created only when absent; the tenant policy compares with the app.tenant_id setting and fails closed
/// (no row visible, no row writable) when the setting is unset or empty.
/// </summary>
internal static class PostgreSqlSecurityDdl
{
    public const string Purpose = "Creates the owner, app and readonly group roles, grants privileges, and enables tenant row-level security.";

    public const string PolicyName = "tenant_isolation";

    public const string TenantSetting = "app.tenant_id";

    /// <summary>The group roles for a schema: &lt;schema&gt;_owner, &lt;schema&gt;_app, &lt;schema&gt;_readonly, fitted to 63 bytes.</summary>
    public static (string Owner, string App, string ReadOnly) RoleNames(string schema, int maxBytes) => (
        IdentifierShortener.Shorten(schema + "_owner", maxBytes),
        IdentifierShortener.Shorten(schema + "_app", maxBytes),
        IdentifierShortener.Shorten(schema + "_readonly", maxBytes));

    public static void Write(W writer, SchemaModel model, int maxIdentifierBytes)
    {
        var schema = W.Id(model.Schema);
        var (owner, app, readOnly) = RoleNames(model.Schema, maxIdentifierBytes);
        var roles = new[] { owner, app, readOnly };

        writer.BlankLine();
        writer.Comment("Group roles (NOLOGIN): grant them to login roles. Roles are shared by the cluster, so create each only once.");
        var body = "BEGIN\n" + string.Concat(roles.Select(role =>
            $"    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = {W.String(role)}) THEN\n" +
            $"        CREATE ROLE {W.Id(role)} NOLOGIN;\n" +
            "    END IF;\n")) + "END;\n";
        writer.Statement("DO " + W.DollarQuoted(body, "roles"));

        writer.BlankLine();
        writer.Statement($"REVOKE ALL ON SCHEMA {schema} FROM PUBLIC");
        writer.Statement($"GRANT ALL ON SCHEMA {schema} TO {W.Id(owner)}");
        writer.Statement($"GRANT USAGE ON SCHEMA {schema} TO {W.Id(app)}, {W.Id(readOnly)}");

        var tables = model.Tables.Where(t => t.Kind != TableKind.Audit).Select(t => W.Qualified(model.Schema, t.Name)).ToList();
        var auditTables = model.Tables.Where(t => t.Kind == TableKind.Audit).Select(t => W.Qualified(model.Schema, t.Name)).ToList();
        writer.Statement($"GRANT ALL ON ALL TABLES IN SCHEMA {schema} TO {W.Id(owner)}");
        if (tables.Count > 0)
        {
            writer.Statement($"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE {W.List(tables)} TO {W.Id(app)}");
        }

        if (auditTables.Count > 0)
        {
            writer.Comment("The audit trail is written by the audit trigger (SECURITY DEFINER); the application may only read it.");
            writer.Statement($"GRANT SELECT ON TABLE {W.List(auditTables)} TO {W.Id(app)}");
        }

        writer.Statement($"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {W.Id(readOnly)}");
        writer.Statement($"GRANT ALL ON ALL SEQUENCES IN SCHEMA {schema} TO {W.Id(owner)}");
        writer.Statement($"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {W.Id(app)}");
        writer.Statement($"GRANT SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {W.Id(readOnly)}");

        writer.BlankLine();
        writer.Comment("Objects the deploying role creates later in this schema get the same privileges.");
        writer.Statement($"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT ALL ON TABLES TO {W.Id(owner)}");
        writer.Statement($"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {W.Id(app)}");
        writer.Statement($"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT ON TABLES TO {W.Id(readOnly)}");
        writer.Statement($"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT ALL ON SEQUENCES TO {W.Id(owner)}");
        writer.Statement($"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT USAGE, SELECT ON SEQUENCES TO {W.Id(app)}");
        writer.Statement($"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT ON SEQUENCES TO {W.Id(readOnly)}");

        WriteFunctionPrivileges(writer, model);
        WriteRowLevelSecurity(writer, model);
    }

    private static void WriteFunctionPrivileges(W writer, SchemaModel model)
    {
        var functions = new List<string>();
        if (PostgreSqlTriggerDdl.IsNeeded(model))
        {
            functions.Add(W.Qualified(model.Schema, PostgreSqlTriggerDdl.FunctionName) + "()");
        }

        if (PostgreSqlAuditDdl.IsNeeded(model))
        {
            functions.Add(W.Qualified(model.Schema, PostgreSqlAuditDdl.FunctionName) + "()");
        }

        if (functions.Count > 0)
        {
            writer.BlankLine();
            writer.Comment("Trigger functions are only called by their triggers.");
            writer.Statement($"REVOKE ALL ON FUNCTION {W.List(functions)} FROM PUBLIC");
        }
    }

    private static void WriteRowLevelSecurity(W writer, SchemaModel model)
    {
        foreach (var table in model.Tables.Where(t => t.Features.TenantScoped))
        {
            var tenant = table.Columns.FirstOrDefault(c => c.Role == ColumnRole.TenantKey)
                ?? throw new InvalidOperationException($"Table {table.Name} is tenant-scoped but has no tenant key column (ColumnRole.TenantKey).");
            var name = W.Qualified(model.Schema, table.Name);
            var setting = W.Cast($"nullif(current_setting({W.String(TenantSetting)}, true), '')", PostgreSqlExpressions.NativeType(tenant));
            var condition = $"({W.Id(tenant.Name)} = {setting})";

            writer.BlankLine();
            writer.Statement($"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY");
            writer.Statement($"ALTER TABLE {name} FORCE ROW LEVEL SECURITY");
            writer.Statement($"DROP POLICY IF EXISTS {W.Id(PolicyName)} ON {name}");
            writer.ClausesStatement($"CREATE POLICY {W.Id(PolicyName)} ON {name}", new[]
            {
                "USING " + condition,
                "WITH CHECK " + condition,
            });
            writer.Statement($"COMMENT ON POLICY {W.Id(PolicyName)} ON {name} IS " + W.String(
                $"Rows of the tenant named by the {TenantSetting} setting only; nothing is visible or writable while it is unset."));
        }
    }
}
