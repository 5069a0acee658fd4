using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Tuning;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>
/// PostgreSQL's security model for a design: four group roles (owner for DDL and migrations, app for reads and writes,
/// readonly, reporting), the privileges each holds (built by <see cref="PostgreSqlSecurityDdl"/>), connection limits
/// for their login roles from the connection budget, and TLS-only, scram-sha-256 host access rules.
/// </summary>
internal sealed class PostgreSqlSecurity : ISecurityPlanner
{
    private const string Area = DesignAreas.Security;

    private static readonly PostgreSqlIdentifiers Identifiers = new();

    public static IReadOnlyList<string> PrivilegeClasses { get; } = new[] { "schema", "tables", "audit tables", "sequences", "monitoring views", "tenant rows" };

    public SecurityPlan Plan(DbRequirement requirement, SchemaModel physical, ConnectionBudget connections)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(physical);
        ArgumentNullException.ThrowIfNull(connections);
        var roles = PostgreSqlSecurityDdl.RoleNames(physical.Schema, Identifiers.MaxIdentifierBytes);
        var multi = physical.Tables.Any(t => t.Features.TenantScoped);
        var audit = physical.Tables.Any(t => t.Kind == TableKind.Audit);
        string Login(string group, string suffix, int limit) =>
            $"CREATE ROLE {PostgreSqlWriter.Id(IdentifierShortener.Shorten(physical.Schema + "_" + suffix, Identifiers.MaxIdentifierBytes))} LOGIN CONNECTION LIMIT {limit.ToString(CultureInfo.InvariantCulture)} IN ROLE {PostgreSqlWriter.Id(group)}";
        var tenantRows = multi ? "own tenant only (app.tenant_id)" : "–";

        var planRoles = new List<SecurityRole>
        {
            new(roles.Owner, "Owns the schema and every object in it; migrations run as a login role that is a member (SET ROLE), so objects they create get the default privileges below.",
                Privileges(("schema", "owner (CREATE, USAGE)"), ("tables", "owner (all, DDL)"), ("audit tables", audit ? "owner" : "–"), ("sequences", "owner"),
                    ("monitoring views", "–"), ("tenant rows", multi ? "own tenant only (FORCE ROW LEVEL SECURITY)" : "–")),
                Array.Empty<string>(), connections.Migrations, Login(roles.Owner, "migrator", connections.Migrations)),
            new(roles.App, "The application: reads and writes rows, never changes the schema.",
                Privileges(("schema", "USAGE"), ("tables", "SELECT, INSERT, UPDATE, DELETE"), ("audit tables", audit ? "SELECT" : "–"), ("sequences", "USAGE, SELECT"),
                    ("monitoring views", "–"), ("tenant rows", tenantRows)),
                Array.Empty<string>(), connections.Application, Login(roles.App, "app_login", connections.Application)),
            new(roles.ReadOnly, "Support tools and ad-hoc queries: reads rows, writes nothing.",
                Privileges(("schema", "USAGE"), ("tables", "SELECT"), ("audit tables", audit ? "SELECT" : "–"), ("sequences", "SELECT"),
                    ("monitoring views", "–"), ("tenant rows", tenantRows)),
                Array.Empty<string>(), connections.ReadOnly, Login(roles.ReadOnly, "readonly_login", connections.ReadOnly)),
            new(roles.Reporting, "Dashboards, BI and monitoring agents: everything readonly reads, plus the health views, statement statistics and every session's activity (pg_read_all_stats).",
                Privileges(("schema", "USAGE"), ("tables", "SELECT (through readonly)"), ("audit tables", audit ? "SELECT (through readonly)" : "–"), ("sequences", "SELECT (through readonly)"),
                    ("monitoring views", "SELECT"), ("tenant rows", multi ? "all tenants, read only (tenant_reporting policy)" : "–")),
                new[] { roles.ReadOnly, "pg_read_all_stats" }, connections.Reporting, Login(roles.Reporting, "reporting_login", connections.Reporting)),
        };

        var database = HbaName(physical.Schema);
        var hba = new List<HostAccessRule>
        {
            new("local", "all", "postgres", string.Empty, "peer", "Administration on the server itself as the operating-system user postgres; no password exists to steal."),
            new("hostssl", database, "+" + HbaName(roles.App), "samenet", "scram-sha-256", "Application servers and the pooler, on the server's own networks, over TLS."),
            new("hostssl", database, "+" + HbaName(roles.ReadOnly), "samenet", "scram-sha-256", "Support and ad-hoc readers over TLS."),
            new("hostssl", database, "+" + HbaName(roles.Reporting), "samenet", "scram-sha-256", "Dashboards and monitoring agents over TLS."),
            new("hostssl", database, "+" + HbaName(roles.Owner), "samenet", "scram-sha-256", "Migrations (CI/CD) over TLS; narrow the address to the deployment hosts."),
            new("hostnossl", "all", "all", "0.0.0.0/0", "reject", "Refuses every unencrypted TCP connection (IPv4), whatever the role."),
            new("hostnossl", "all", "all", "::/0", "reject", "Refuses every unencrypted TCP connection (IPv6)."),
        };

        return new SecurityPlan(planRoles, PrivilegeClasses, hba, Decisions(physical, roles, multi, connections)) { HostAccessFile = "pg_hba.conf" };
    }

    /// <summary>A name as pg_hba.conf reads it: bare when plain, else in double quotes (which also stop keyword meanings).</summary>
    private static string HbaName(string name) =>
        name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_') && name is not ("all" or "sameuser" or "samerole" or "replication")
            ? name
            : "\"" + name.Replace("\"", string.Empty, StringComparison.Ordinal) + "\"";

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static IReadOnlyDictionary<string, string> Privileges(params (string Class, string What)[] items) =>
        items.ToDictionary(i => i.Class, i => i.What, StringComparer.Ordinal);

    private static List<DesignDecision> Decisions(
        SchemaModel physical, PostgreSqlRoles roles, bool multi, ConnectionBudget connections)
    {
        var decisions = new List<DesignDecision>
        {
            new(Area, "Roles", $"{roles.Owner} (DDL, migrations), {roles.App} (read-write), {roles.ReadOnly} (read-only), {roles.Reporting} (reporting and monitoring)",
                "Group roles without LOGIN hold the privileges; people and services log in as their own login roles that are members, so a leaked application password cannot change the schema and every session is attributable."),
            new(Area, "Ownership and default privileges", $"{roles.Owner} owns the schema, tables, sequences and functions; ALTER DEFAULT PRIVILEGES FOR ROLE {roles.Owner} grants the other roles their rights on future objects",
                $"Migrations run as a member of {roles.Owner} after SET ROLE {roles.Owner}, so a table added next year is readable by {roles.ReadOnly} and writable by {roles.App} without anyone remembering a GRANT. PUBLIC loses all rights on the schema."),
            new(Area, "Reporting role", $"{roles.Reporting} = {roles.ReadOnly} + pg_read_all_stats + SELECT on the health views and statement statistics",
                "Reports and monitoring need the activity of every session and the text of every statement (otherwise shown as <insufficient privilege>), but no write privilege and no superuser."
                + (multi ? " In this multi-tenant design its SELECT-only tenant_reporting policy reads across tenants for billing and usage reports; it still cannot write." : string.Empty)),
            new(Area, "Login roles", "Not created by the build: CREATE ROLE <name> LOGIN CONNECTION LIMIT <n> IN ROLE <group>, then \\password <name> in psql",
                "Credentials never appear in generated files or version control; \\password hashes the password on the client (scram-sha-256), so it is never logged in clear text. Statement limits (statement_timeout, idle_in_transaction_session_timeout) are set per login role with ALTER ROLE … SET, because settings of group roles are not inherited."),
            new(Area, "Connection limits", $"CONNECTION LIMIT on login roles: app {I(connections.Application)} in total, migrations {I(connections.Migrations)}, readonly {I(connections.ReadOnly)}, reporting {I(connections.Reporting)}",
                $"Shares of the design's one connection budget, whose total is max_connections in the tuning section: {connections.Breakdown} ({connections.Reason}). The login roles' limits sum to {I(connections.LoginRoles)}; the other {I(connections.Reserved)} stay free for maintenance jobs, backups, administrators and superuser_reserved_connections, so a runaway report or a leaking pool exhausts its own share, not the application's. Limits apply per login role (a group role's limit does not bind its members), so split the app share across the app's login roles."),
        };

        if (multi)
        {
            decisions.Add(new(Area, "Tenant query functions", $"{roles.Query} (NOLOGIN, no members) owns a SECURITY DEFINER function per template whose index condition is not LEAKPROOF; policy {PostgreSqlTenantFunctions.PolicyName} lets it read every tenant",
                "Under forced row-level security PostgreSQL uses only LEAKPROOF operators as index conditions; lower(), pg_trgm's %, full-text @@ and jsonb @> are not, so an e-mail lookup, a search or a JSON filter would read the tenant's every row. "
                + $"Each function (search_path fixed to pg_catalog, pg_temp; EXECUTE for {roles.App} and {roles.ReadOnly} only) applies the tenant from app.tenant_id itself and returns nothing while it is unset, so it shows no more than the policy would; review any change to them as you would a policy change. "
                + "Marking those operators LEAKPROOF was rejected: it needs a superuser, vouches for C code the design does not own, and is lost on dump and restore."));
            decisions.Add(new(Area, "Tenant isolation", "Row-level security on every tenant-scoped table (ENABLE and FORCE ROW LEVEL SECURITY, policy tenant_isolation)",
                "Each transaction sets app.tenant_id (SET LOCAL when pooling); the policy compares it with tenant_id for reads and writes and returns nothing when it is unset, so a forgotten WHERE clause cannot leak or change another tenant's rows. FORCE makes the owner obey it too; only superusers and BYPASSRLS roles are exempt, so never give the application either."));
        }

        decisions.Add(new(Area, "Passwords", "password_encryption = scram-sha-256; no md5, password or trust lines in pg_hba.conf",
            "SCRAM never sends the password and stores only a salted verifier, so a copied pg_authid or a captured handshake does not reveal it; md5 hashes are replayable."));
        decisions.Add(new(Area, "TLS", "ssl = on, ssl_min_protocol_version = 'TLSv1.2', hostssl lines only; clients use sslmode=verify-full",
            "Credentials and rows never cross the network in clear text; hostnossl … reject refuses plain TCP outright, and verify-full stops a man in the middle presenting another certificate. The reference lines are in security/pg_hba.conf."));

        var personal = physical.Tables.SelectMany(t => t.Columns.Where(c => c.Type.Kind == LogicalTypeKind.Email).Select(c => $"{t.Name}.{c.Name}")).ToArray();
        if (personal.Length > 0)
        {
            decisions.Add(new(Area, "Personal data", $"Classify {string.Join(", ", personal)} as personal data",
                $"Revoke these columns from {roles.ReadOnly} with column privileges (or give analysts views without them) when readers need not see them, and mask them in non-production copies."));
        }

        decisions.Add(new(Area, "SQL injection", "Parameterised statements only",
            "Every query template in this design uses parameters ($1…); string-built SQL is never needed."));
        return decisions;
    }
}

/// <summary>
/// The group roles of a schema. <see cref="Query"/> (multi-tenant designs only) owns the tenant query functions and is
/// not among <see cref="All"/>: nobody connects as it or is a member.
/// </summary>
internal sealed record PostgreSqlRoles(string Owner, string App, string ReadOnly, string Reporting, string Query)
{
    public IReadOnlyList<string> All => new[] { Owner, App, ReadOnly, Reporting };
}
