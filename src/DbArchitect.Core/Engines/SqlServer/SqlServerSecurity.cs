using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Tuning;

namespace DbArchitect.Core.Engines.SqlServer;

/// <summary>
/// SQL Server's security model for a design: database roles granted on the schema (least privilege), contained
/// users for logins, the tenant security policy, and the transport and encryption decisions. SQL Server has no host
/// access file: who may connect is the firewall, the logins and CONNECT permission.
/// </summary>
internal sealed class SqlServerSecurity : ISecurityPlanner
{
    private const string Area = DesignAreas.Security;

    private static readonly string[] PrivilegeClasses = { "tables", "audit table", "monitoring views" };

    public SecurityPlan Plan(DbRequirement requirement, SchemaModel physical, ConnectionBudget connections)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(physical);
        ArgumentNullException.ThrowIfNull(connections);
        var (app, readOnly, reporting) = SqlServerSecurityDdl.RoleNames(physical.Schema);
        var schema = physical.Schema;
        var roles = new List<SecurityRole>
        {
            new(app, "The application: reads and writes rows, nothing else (no DDL, no audit changes).",
                new Dictionary<string, string> { ["tables"] = $"SELECT, INSERT, UPDATE, DELETE on SCHEMA::{schema}", ["audit table"] = "SELECT only (INSERT, UPDATE, DELETE denied; the triggers write it)" },
                Array.Empty<string>(), connections.Application, $"CREATE USER [app_login] FOR LOGIN [app_login]; ALTER ROLE {SqlServerWriter.Id(app)} ADD MEMBER [app_login]"),
            new(readOnly, "Read-only access for support and analysts.",
                new Dictionary<string, string> { ["tables"] = $"SELECT on SCHEMA::{schema}" }, Array.Empty<string>(), connections.ReadOnly,
                $"CREATE USER [analyst] FOR LOGIN [analyst]; ALTER ROLE {SqlServerWriter.Id(readOnly)} ADD MEMBER [analyst]"),
            new(reporting, "Reporting and monitoring: reads the tables and the database's dynamic management views.",
                new Dictionary<string, string> { ["tables"] = $"SELECT on SCHEMA::{schema} (via {readOnly})", ["monitoring views"] = "VIEW DATABASE STATE" },
                new[] { readOnly }, connections.Reporting, $"CREATE USER [reporting] FOR LOGIN [reporting]; ALTER ROLE {SqlServerWriter.Id(reporting)} ADD MEMBER [reporting]"),
        };
        var decisions = new List<DesignDecision>
        {
            new(Area, "Roles", string.Join(", ", roles.Select(r => r.Name)),
                "Privileges are granted to database roles on the schema (GRANT … ON SCHEMA::), never to users, and never db_owner/db_datareader: new tables in the schema are covered automatically and nothing outside it is."),
            new(Area, "Schema", $"[{schema}] owned by dbo",
                "Objects live in the design's schema, not dbo; triggers, procedures and tables share the owner, so ownership chaining lets the application run the audit triggers and query procedures without privileges on what they touch."),
            new(Area, "Connections", "Encrypt=True; TLS 1.2+; Windows or Entra ID authentication where possible",
                "SQL Server has no host access file: restrict the port (1433) by firewall to the application hosts, force encryption, and prefer integrated authentication over SQL logins (no passwords in connection strings)."),
            new(Area, "Encryption at rest", "Transparent Data Encryption (TDE)", "Encrypts data and log files and backups with a database encryption key protected by a server certificate; back the certificate up with its private key, or backups cannot be restored elsewhere."),
        };
        var tenants = SqlServerSecurityDdl.TenantTables(physical);
        if (tenants.Count > 0)
        {
            decisions.Add(new DesignDecision(Area, "Tenant isolation", $"SECURITY POLICY {SqlServerSecurityDdl.PolicyName(schema)} on {tenants.Count} table(s)",
                "Row-level security: an inline table-valued predicate function compares each row's tenant column with SESSION_CONTEXT(N'tenant_id'); FILTER predicates hide other tenants' rows from SELECT, UPDATE and DELETE, BLOCK predicates (AFTER INSERT, AFTER UPDATE) refuse writing a row into another tenant. The application sets the tenant once per connection: EXEC sp_set_session_context @key = N'tenant_id', @value = @tenant, @read_only = 1; unset, no row matches (fails closed)."));
        }

        return new SecurityPlan(roles, PrivilegeClasses, Array.Empty<HostAccessRule>(), decisions);
    }
}
