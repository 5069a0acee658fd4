using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.Oracle.OracleWriter;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>
/// Script 7: the application context that carries the session's tenant and user (set only through its package), the
/// group roles with least privilege, and multi-tenancy by Virtual Private Database: a policy function returns the
/// tenant predicate that Oracle appends to every statement on a tenant-scoped table (DBMS_RLS.ADD_POLICY).
/// </summary>
internal static class OracleSecurityDdl
{
    public const string Purpose = "Creates the application context, the group roles and their grants, and the VPD tenant policies.";

    private static readonly string[] PackageSpec =
    {
        "    PROCEDURE set_tenant(p_tenant_id IN VARCHAR2);",
        "    PROCEDURE set_user(p_user_id IN VARCHAR2);",
        "    PROCEDURE clear_all;",
        "END;",
    };

    public static IReadOnlyList<Table> TenantTables(SchemaModel model) =>
        model.Tables.Where(t => t.Features.TenantScoped && t.Columns.Any(c => c.Role == ColumnRole.TenantKey)).ToList();

    public static void Write(W writer, SchemaModel model, OracleTypes types, OracleNames names)
    {
        var schema = model.Schema;
        var package = W.Qualified(schema, names.ContextPackage);
        var context = W.String(names.Context);
        writer.BlankLine();
        writer.Comment("The session's tenant and user: only the package named in USING may set them, so SQL injection cannot.");
        writer.Statement($"CREATE OR REPLACE CONTEXT {W.Id(names.Context)} USING {package}");
        writer.PlSql($"CREATE OR REPLACE PACKAGE {package} AS", PackageSpec);
        writer.PlSql($"CREATE OR REPLACE PACKAGE BODY {package} AS", new[]
        {
            "    PROCEDURE set_tenant(p_tenant_id IN VARCHAR2) IS",
            "    BEGIN",
            $"        DBMS_SESSION.SET_CONTEXT({context}, 'TENANT_ID', p_tenant_id);",
            "    END;",
            "    PROCEDURE set_user(p_user_id IN VARCHAR2) IS",
            "    BEGIN",
            $"        DBMS_SESSION.SET_CONTEXT({context}, 'USER_ID', p_user_id);",
            "    END;",
            "    PROCEDURE clear_all IS",
            "    BEGIN",
            $"        DBMS_SESSION.CLEAR_ALL_CONTEXT({context});",
            "    END;",
            "END;",
        });

        var roles = OracleSecurity.RoleNames(schema);
        var audit = model.Tables.FirstOrDefault(t => t.Kind == TableKind.Audit);
        writer.BlankLine();
        writer.Comment("Group roles (database-wide names, so prefixed with the schema). Login users are created per service and granted one role.");
        writer.Statement($"CREATE ROLE {W.Id(roles.Read)}");
        writer.Statement($"CREATE ROLE {W.Id(roles.Write)}");
        writer.Statement($"CREATE ROLE {W.Id(roles.Audit)}");
        foreach (var table in model.Tables.Where(t => t.Kind != TableKind.Audit))
        {
            var name = W.Qualified(schema, table.Name);
            // READ (12c+) rather than SELECT: it cannot lock rows with SELECT … FOR UPDATE.
            writer.Statement($"GRANT READ ON {name} TO {W.Id(roles.Read)}");
            writer.Statement($"GRANT SELECT, INSERT, UPDATE, DELETE ON {name} TO {W.Id(roles.Write)}");
        }

        if (audit is not null)
        {
            writer.Statement($"GRANT READ ON {W.Qualified(schema, audit.Name)} TO {W.Id(roles.Audit)}");
        }

        writer.Statement($"GRANT EXECUTE ON {package} TO {W.Id(roles.Write)}");
        writer.Statement($"GRANT EXECUTE ON {package} TO {W.Id(roles.Read)}");

        var tenantTables = TenantTables(model);
        if (tenantTables.Count == 0)
        {
            return;
        }

        writer.BlankLine();
        writer.Comment("Virtual Private Database: the predicate is appended to every SELECT, INSERT, UPDATE and DELETE; no tenant set means no rows.");
        var body = new List<string>
        {
            "RETURN VARCHAR2",
            "AS",
            "BEGIN",
            "    -- The schema owner (maintenance jobs) sees every row; EXEMPT ACCESS POLICY holders bypass policies anyway.",
            "    IF SYS_CONTEXT('USERENV', 'SESSION_USER') = p_schema THEN",
            "        RETURN NULL;",
            "    END IF;",
        };
        foreach (var table in tenantTables)
        {
            var tenant = table.Columns.First(c => c.Role == ColumnRole.TenantKey);
            var value = $"SYS_CONTEXT('{names.Context}', 'TENANT_ID')";
            var native = OracleExpressions.NativeType(tenant, types);
            value = native == "RAW(16)" ? $"HEXTORAW({value})" : native.StartsWith("NUMBER", StringComparison.Ordinal) ? $"TO_NUMBER({value})" : value;
            body.Add($"    IF p_object = {W.String(OracleIdentifiers.DictionaryName(table.Name))} THEN");
            body.Add($"        RETURN {W.String(W.Id(tenant.Name) + " = " + value)};");
            body.Add("    END IF;");
        }

        body.Add("    RETURN '1 = 0';");
        body.Add("END;");
        writer.PlSql($"CREATE OR REPLACE FUNCTION {W.Qualified(schema, names.PolicyFunction)} (p_schema IN VARCHAR2, p_object IN VARCHAR2)", body);
        foreach (var table in tenantTables)
        {
            writer.PlSql("BEGIN", new[]
            {
                "    DBMS_RLS.ADD_POLICY(",
                $"        object_schema => {W.String(OracleIdentifiers.DictionaryName(schema))},",
                $"        object_name => {W.String(OracleIdentifiers.DictionaryName(table.Name))},",
                $"        policy_name => {W.String(OracleIdentifiers.DictionaryName(names.Policy(table.Name)))},",
                $"        function_schema => {W.String(OracleIdentifiers.DictionaryName(schema))},",
                $"        policy_function => {W.String(OracleIdentifiers.DictionaryName(names.PolicyFunction))},",
                "        statement_types => 'SELECT, INSERT, UPDATE, DELETE',",
                "        update_check => TRUE,",
                "        policy_type => DBMS_RLS.CONTEXT_SENSITIVE);",
                "END;",
            });
        }
    }
}
