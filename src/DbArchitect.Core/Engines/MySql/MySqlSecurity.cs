using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;

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

    public SecurityPlan Plan(DbRequirement requirement, SchemaModel physical)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(physical);
        var reader = RoleName(physical, "reader");
        var writer = RoleName(physical, "writer");
        var owner = RoleName(physical, "migrator");
        string Login(string role, string user) => _dialect.IsMariaDb
            ? $"CREATE USER '{user}'@'%' IDENTIFIED BY '…' REQUIRE SSL; GRANT {role} TO '{user}'@'%'; SET DEFAULT ROLE {role} FOR '{user}'@'%';"
            : $"CREATE USER '{user}'@'%' IDENTIFIED BY '…' REQUIRE SSL; GRANT '{role}' TO '{user}'@'%'; SET DEFAULT ROLE '{role}' TO '{user}'@'%';";
        var roles = new[]
        {
            new SecurityRole(reader, "Read-only access for reporting and support.", new Dictionary<string, string> { ["tables"] = "SELECT" }, Array.Empty<string>(), 10, Login(reader, "report_user")),
            new SecurityRole(writer, "The application: reads and writes rows, never changes the schema.", new Dictionary<string, string> { ["tables"] = "SELECT, INSERT, UPDATE, DELETE", ["routines"] = "EXECUTE" }, Array.Empty<string>(), 100, Login(writer, "app_user")),
            new SecurityRole(owner, "Schema migrations: DDL on the design's database only.", new Dictionary<string, string> { ["tables"] = "ALL PRIVILEGES" }, Array.Empty<string>(), 2, Login(owner, "migration_user")),
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

        return new SecurityPlan(roles, PrivilegeClasses, Array.Empty<HostAccessRule>(), decisions);
    }
}
