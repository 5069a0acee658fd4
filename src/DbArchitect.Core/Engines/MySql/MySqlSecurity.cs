using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Tuning;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// Roles and grants: a read-only, a read-write and a migration (DDL) role on the design's database; logins are
/// created by the DBA with REQUIRE SSL and granted one role. MySQL 8 and MariaDB spell role activation differently.
/// </summary>
public sealed class MySqlSecurity : ISecurityPlanner
{
    /// <summary>MySQL user and role names: at most 32 characters (MariaDB allows 80).</summary>
    public const int MaxRoleName = 32;

    private static readonly string[] PrivilegeClasses = { "tables", "routines" };

    private readonly MySqlDialect _dialect;

    public MySqlSecurity(MySqlDialect dialect) => _dialect = dialect;

    public static string RoleName(SchemaModel physical, string suffix) =>
        IdentifierShortener.Shorten(physical.Schema + "_" + suffix, MaxRoleName);

    public SecurityPlan Plan(DbRequirement requirement, SchemaModel physical, ConnectionBudget connections)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(physical);
        ArgumentNullException.ThrowIfNull(connections);
        var reader = RoleName(physical, "reader");
        var writer = RoleName(physical, "writer");
        var owner = RoleName(physical, "migrator");
        // Readers serve support tools and reports alike, so they get both shares of the budget.
        var readers = connections.ReadOnly + connections.Reporting;
        string Login(string role, string user, int limit) => _dialect.IsMariaDb
            ? $"CREATE USER '{user}'@'%' IDENTIFIED BY '…' REQUIRE SSL WITH MAX_USER_CONNECTIONS {I(limit)}; GRANT {role} TO '{user}'@'%'; SET DEFAULT ROLE {role} FOR '{user}'@'%';"
            : $"CREATE USER '{user}'@'%' IDENTIFIED BY '…' REQUIRE SSL WITH MAX_USER_CONNECTIONS {I(limit)}; GRANT '{role}' TO '{user}'@'%'; SET DEFAULT ROLE '{role}' TO '{user}'@'%';";
        var roles = new[]
        {
            new SecurityRole(reader, "Read-only access for reporting and support.", new Dictionary<string, string> { ["tables"] = "SELECT" }, Array.Empty<string>(), readers, Login(reader, "report_user", readers)),
            new SecurityRole(writer, "The application: reads and writes rows, never changes the schema.", new Dictionary<string, string> { ["tables"] = "SELECT, INSERT, UPDATE, DELETE", ["routines"] = "EXECUTE" }, Array.Empty<string>(), connections.Application, Login(writer, "app_user", connections.Application)),
            new SecurityRole(owner, "Schema migrations: DDL on the design's database only.", new Dictionary<string, string> { ["tables"] = "ALL PRIVILEGES" }, Array.Empty<string>(), connections.Migrations, Login(owner, "migration_user", connections.Migrations)),
        };
        var decisions = new List<DesignDecision>
        {
            new(DesignAreas.Security, "Roles", $"{reader}, {writer}, {owner}",
                _dialect.IsMariaDb
                    ? "MariaDB roles (10.0.5+) have no host part and are activated with SET DEFAULT ROLE role FOR user; grants on the design's database only."
                    : "MySQL 8 roles are accounts ('role'@'%'); activate them with SET DEFAULT ROLE … TO user (or activate_all_roles_on_login); grants on the design's database only."),
            new(DesignAreas.Security, "Transport", "REQUIRE SSL on every login",
                "Credentials and rows cross the network encrypted; require_secure_transport = ON enforces it server-wide."),
        };
        if (physical.Tables.Any(t => t.Features.TenantScoped))
        {
            decisions.Add(new(DesignAreas.Security, "Tenant isolation", "Application filter (no row-level security)",
                $"{_dialect.Product} has no row-level security: every query of a tenant-scoped table must filter on the tenant column, and the composite (tenant, id) foreign keys keep rows of different tenants from referencing each other. Enforce the filter in the data-access layer (one repository base class adds it) and test it; views per tenant do not scale to many tenants."));
        }

        decisions.Add(new(DesignAreas.Security, "Connection limits", $"MAX_USER_CONNECTIONS per login: app {I(connections.Application)}, readers {I(readers)}, migrations {I(connections.Migrations)}",
            $"Shares of the design's one connection budget, whose total is max_connections in the tuning section: {connections.Breakdown} ({connections.Reason}); a runaway report or a leaking pool exhausts its own share, not the application's."));
        return new SecurityPlan(roles, PrivilegeClasses, Array.Empty<HostAccessRule>(), decisions);
    }

    private static string I(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
