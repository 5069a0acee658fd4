using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.PostgreSql.PostgreSqlWriter;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// The security build script: group roles (owner, app, readonly, reporting), ownership of the schema's objects by the
/// owner role, least-privilege grants, default privileges for objects the owner creates later, and row-level security
/// for tenant-scoped tables. Roles are cluster-wide, so they are created only when absent; login roles are never
/// created here (no credentials in generated files). The tenant policy compares with the app.tenant_id setting and
/// fails closed (no row visible, no row writable) when the setting is unset or empty.
/// </summary>
internal static class PostgreSqlSecurityDdl
{
    public const string Purpose = "Creates the owner, app, readonly and reporting group roles, hands the schema to the owner, grants least privileges, and enables tenant row-level security.";

    public const string PolicyName = "tenant_isolation";

    public const string ReportingPolicyName = "tenant_reporting";

    public const string TenantSetting = "app.tenant_id";

    public const string IsolationComment = $"Rows of the tenant named by the {TenantSetting} setting only; nothing is visible or writable while it is unset.";

    public const string ReportingComment = "The reporting role reads every tenant's rows for cross-tenant reports; it has no write privilege.";

    /// <summary>The caller's tenant as the isolation policy reads it: the setting as the key's type, NULL when unset or empty.</summary>
    public static string TenantSettingValue(Column tenant) =>
        W.Cast($"nullif(current_setting({W.String(TenantSetting)}, true), '')", PostgreSqlExpressions.NativeType(tenant));

    /// <summary>The group roles for a schema: &lt;schema&gt;_owner, _app, _readonly, _reporting, each fitted to the identifier limit.</summary>
    public static PostgreSqlRoles RoleNames(string schema, int maxBytes) => new(
        IdentifierShortener.Shorten(schema + "_owner", maxBytes),
        IdentifierShortener.Shorten(schema + "_app", maxBytes),
        IdentifierShortener.Shorten(schema + "_readonly", maxBytes),
        IdentifierShortener.Shorten(schema + "_reporting", maxBytes),
        IdentifierShortener.Shorten(schema + "_query", maxBytes));

    /// <summary>The security script; <paramref name="routines"/> are the tenant query functions the templates call.</summary>
    public static void Write(W writer, SchemaModel model, int maxIdentifierBytes, IReadOnlyList<QueryRoutine> routines)
    {
        var schema = W.Id(model.Schema);
        var roles = RoleNames(model.Schema, maxIdentifierBytes);
        var (owner, app, readOnly, reporting) = (W.Id(roles.Owner), W.Id(roles.App), W.Id(roles.ReadOnly), W.Id(roles.Reporting));
        var multi = model.Tables.Any(t => t.Features.TenantScoped);

        writer.BlankLine();
        writer.Comment("Group roles (NOLOGIN). Roles are shared by the cluster, so each is created only once. Login roles are not created here:");
        writer.Comment($"CREATE ROLE <name> LOGIN CONNECTION LIMIT <n> IN ROLE {roles.App}; then \\password <name> in psql (see design.md, Security).");
        var groups = multi ? roles.All.Append(roles.Query) : roles.All;
        var body = "BEGIN\n" + string.Concat(groups.Select(role =>
            $"    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = {W.String(role)}) THEN\n" +
            $"        CREATE ROLE {W.Id(role)} NOLOGIN;\n" +
            "    END IF;\n")) + "END;\n";
        writer.Statement("DO " + W.DollarQuoted(body, "roles"));
        writer.Comment("Reporting reads what readonly reads, plus every session's activity and statement text for the monitoring views.");
        writer.Statement($"GRANT {readOnly}, pg_read_all_stats TO {reporting}");

        writer.BlankLine();
        writer.Comment("Only the design's roles may connect to this database.");
        var database = "BEGIN\n" +
            "    EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());\n" +
            $"    EXECUTE format('GRANT CONNECT ON DATABASE %I TO {string.Join(", ", roles.All.Select(_ => "%I"))}', current_database(), {W.List(roles.All.Select(W.String))});\n" +
            "END;\n";
        writer.Statement("DO " + W.DollarQuoted(database, "connect"));

        WriteOwnership(writer, model, owner);

        writer.BlankLine();
        writer.Statement($"REVOKE ALL ON SCHEMA {schema} FROM PUBLIC");
        writer.Statement($"GRANT USAGE ON SCHEMA {schema} TO {app}, {readOnly}");

        var tables = model.Tables.Where(t => t.Kind != TableKind.Audit).Select(t => W.Qualified(model.Schema, t.Name)).ToList();
        var auditTables = model.Tables.Where(t => t.Kind == TableKind.Audit).Select(t => W.Qualified(model.Schema, t.Name)).ToList();
        if (tables.Count > 0)
        {
            writer.Statement($"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE {W.List(tables)} TO {app}");
        }

        if (auditTables.Count > 0)
        {
            writer.Comment("The audit trail is written by the audit trigger (SECURITY DEFINER); the application may only read it.");
            writer.Statement($"GRANT SELECT ON TABLE {W.List(auditTables)} TO {app}");
        }

        writer.Statement($"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {readOnly}");
        writer.Statement($"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {app}");
        writer.Statement($"GRANT SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {readOnly}");

        writer.BlankLine();
        writer.Comment($"Objects that migrations create later as {roles.Owner} (SET ROLE {roles.Owner}) get the same privileges.");
        writer.Statement($"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {app}");
        writer.Statement($"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema} GRANT SELECT ON TABLES TO {readOnly}");
        writer.Statement($"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema} GRANT USAGE, SELECT ON SEQUENCES TO {app}");
        writer.Statement($"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema} GRANT SELECT ON SEQUENCES TO {readOnly}");
        writer.Comment("Functions are not executable by everyone by default; grant EXECUTE per function when the application needs one.");
        writer.Statement($"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC");

        WriteFunctionPrivileges(writer, model);
        WriteRowLevelSecurity(writer, model, reporting, W.Id(roles.Query));
        PostgreSqlTenantFunctionDdl.Write(writer, model, routines, roles);
    }

    private static void WriteOwnership(W writer, SchemaModel model, string owner)
    {
        writer.BlankLine();
        writer.Comment("The owner role owns everything, whoever applied the scripts, so ALTER DEFAULT PRIVILEGES FOR ROLE below covers later objects.");
        writer.Statement($"ALTER SCHEMA {W.Id(model.Schema)} OWNER TO {owner}");
        foreach (var table in model.Tables)
        {
            writer.Statement($"ALTER TABLE {W.Qualified(model.Schema, table.Name)} OWNER TO {owner}");
        }

        foreach (var function in Functions(model))
        {
            writer.Statement($"ALTER FUNCTION {function} OWNER TO {owner}");
        }
    }

    private static List<string> Functions(SchemaModel model)
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

        return functions;
    }

    private static void WriteFunctionPrivileges(W writer, SchemaModel model)
    {
        var functions = Functions(model);
        if (functions.Count > 0)
        {
            writer.BlankLine();
            writer.Comment("Trigger functions are only called by their triggers.");
            writer.Statement($"REVOKE ALL ON FUNCTION {W.List(functions)} FROM PUBLIC");
        }
    }

    private static void WriteRowLevelSecurity(W writer, SchemaModel model, string reporting, string query)
    {
        foreach (var table in model.Tables.Where(t => t.Features.TenantScoped))
        {
            var tenant = table.Columns.FirstOrDefault(c => c.Role == ColumnRole.TenantKey)
                ?? throw new InvalidOperationException($"Table {table.Name} is tenant-scoped but has no tenant key column (ColumnRole.TenantKey).");
            var name = W.Qualified(model.Schema, table.Name);
            var condition = $"({W.Id(tenant.Name)} = {TenantSettingValue(tenant)})";

            writer.BlankLine();
            writer.Statement($"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY");
            writer.Statement($"ALTER TABLE {name} FORCE ROW LEVEL SECURITY");
            writer.Statement($"DROP POLICY IF EXISTS {W.Id(PolicyName)} ON {name}");
            writer.ClausesStatement($"CREATE POLICY {W.Id(PolicyName)} ON {name}", new[]
            {
                "USING " + condition,
                "WITH CHECK " + condition,
            });
            writer.Statement($"COMMENT ON POLICY {W.Id(PolicyName)} ON {name} IS " + W.String(IsolationComment));
            writer.Statement($"DROP POLICY IF EXISTS {W.Id(ReportingPolicyName)} ON {name}");
            writer.ClausesStatement($"CREATE POLICY {W.Id(ReportingPolicyName)} ON {name}", new[] { "FOR SELECT TO " + reporting, "USING (true)" });
            writer.Statement($"COMMENT ON POLICY {W.Id(ReportingPolicyName)} ON {name} IS " + W.String(ReportingComment));
            var queryPolicy = W.Id(PostgreSqlTenantFunctions.PolicyName);
            writer.Statement($"DROP POLICY IF EXISTS {queryPolicy} ON {name}");
            writer.ClausesStatement($"CREATE POLICY {queryPolicy} ON {name}", new[] { "FOR SELECT TO " + query, "USING (true)" });
            writer.Statement($"COMMENT ON POLICY {queryPolicy} ON {name} IS " + W.String(PostgreSqlTenantFunctions.PolicyComment));
        }
    }
}
