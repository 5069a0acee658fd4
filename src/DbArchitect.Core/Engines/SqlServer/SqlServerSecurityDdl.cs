using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using W = DbArchitect.Core.Engines.SqlServer.SqlServerWriter;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// The security build script: database roles (app, readonly, reporting) with least-privilege grants on the schema,
/// the audit trail read-only for the application, and tenant isolation by a SECURITY POLICY whose inline predicate
/// function compares each row's tenant column with SESSION_CONTEXT(N'tenant_id'): FILTER hides other tenants' rows,
/// BLOCK refuses writing rows into another tenant. Unset context matches nothing (fails closed).
/// Logins and users are not created (no credentials in generated files).
/// </summary>
internal static class SqlServerSecurityDdl
{
    public const string Purpose = "Creates the app, readonly and reporting database roles with least-privilege grants, and the tenant security policy (row-level security).";

    public const string TenantContextKey = "tenant_id";

    public static (string App, string ReadOnly, string Reporting) RoleNames(string schema) => (
        IdentifierShortener.Shorten(schema + "_app", 128),
        IdentifierShortener.Shorten(schema + "_readonly", 128),
        IdentifierShortener.Shorten(schema + "_reporting", 128));

    public static IReadOnlyList<(Table Table, Column Tenant)> TenantTables(SchemaModel model) =>
        model.Tables.Where(t => t.Features.TenantScoped)
            .Select(t => (Table: t, Tenant: t.Columns.FirstOrDefault(c => c.Role == Model.ColumnRole.TenantKey)))
            .Where(x => x.Tenant is not null)
            .Select(x => (x.Table, x.Tenant!))
            .ToList();

    public static string PredicateName(string schema, string nativeType) =>
        SqlServerExpressions.DerivedName("fn", schema, "tenant_predicate" + (nativeType == "UNIQUEIDENTIFIER" ? string.Empty : "_" + new string(nativeType.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant()));

    public static string PolicyName(string schema) => SqlServerExpressions.DerivedName("sp", schema, "tenant_isolation");

    public static void Write(W writer, SchemaModel model)
    {
        var schema = W.Id(model.Schema);
        var (app, readOnly, reporting) = RoleNames(model.Schema);
        writer.BlankLine();
        writer.Comment("Database roles; logins and users are created by the DBA (CREATE USER … FOR LOGIN …; ALTER ROLE … ADD MEMBER …).");
        foreach (var role in new[] { app, readOnly, reporting })
        {
            writer.Statement($"IF DATABASE_PRINCIPAL_ID({W.String(role)}) IS NULL EXEC (N'CREATE ROLE ' + {W.String(W.Id(role))})");
        }

        writer.Go();
        writer.BlankLine();
        writer.Statement($"GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA::{schema} TO {W.Id(app)}");
        writer.Statement($"GRANT SELECT ON SCHEMA::{schema} TO {W.Id(readOnly)}");
        writer.Statement($"ALTER ROLE {W.Id(readOnly)} ADD MEMBER {W.Id(reporting)}");
        writer.Comment("Reporting also reads the dynamic management views of this database (query statistics, index usage).");
        writer.Statement($"GRANT VIEW DATABASE STATE TO {W.Id(reporting)}");
        foreach (var audit in model.Tables.Where(t => t.Kind == TableKind.Audit))
        {
            writer.Comment("The audit trail is written by triggers through ownership chaining; the application cannot change it.");
            writer.Statement($"DENY INSERT, UPDATE, DELETE ON {W.Qualified(model.Schema, audit.Name)} TO {W.Id(app)}");
        }

        writer.Go();
        var tenants = TenantTables(model);
        if (tenants.Count == 0)
        {
            return;
        }

        foreach (var native in tenants.Select(t => SqlServerExpressions.NativeType(t.Tenant)).Distinct(StringComparer.Ordinal))
        {
            writer.BlankLine();
            writer.Raw(string.Join('\n', new[]
            {
                $"CREATE FUNCTION {W.Qualified(model.Schema, PredicateName(model.Schema, native))}(@tenant_id {native})",
                "RETURNS TABLE",
                "WITH SCHEMABINDING",
                "AS",
                "RETURN",
                "    SELECT 1 AS access_granted",
                $"     WHERE @tenant_id = CONVERT({native}, SESSION_CONTEXT({W.String(TenantContextKey)}));",
            }));
            writer.Go();
        }

        var predicates = new List<string>();
        foreach (var (table, tenant) in tenants)
        {
            var call = $"{W.Qualified(model.Schema, PredicateName(model.Schema, SqlServerExpressions.NativeType(tenant)))}({W.Id(tenant.Name)})";
            var on = W.Qualified(model.Schema, table.Name);
            predicates.Add($"ADD FILTER PREDICATE {call} ON {on}");
            predicates.Add($"ADD BLOCK PREDICATE {call} ON {on} AFTER INSERT");
            predicates.Add($"ADD BLOCK PREDICATE {call} ON {on} AFTER UPDATE");
        }

        writer.BlankLine();
        writer.Raw($"CREATE SECURITY POLICY {W.Qualified(model.Schema, PolicyName(model.Schema))}\n"
            + string.Join(",\n", predicates.Select(p => "    " + p))
            + "\nWITH (STATE = ON, SCHEMABINDING = ON);");
        writer.Go();
    }
}
