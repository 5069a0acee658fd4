using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Tuning;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// SQLite has no users, roles, grants, network listener or row-level security: whoever can open the file can read and
/// write all of it. Security is therefore the file's permissions, the process that owns it, read-only connections,
/// encryption at rest, and — for tenants — one database file per tenant. The plan says so plainly.
/// </summary>
internal sealed class SqliteSecurity : ISecurityPlanner
{
    private const string Area = DesignAreas.Security;

    public SecurityPlan Plan(DbRequirement requirement, SchemaModel physical, ConnectionBudget connections)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(physical);
        var decisions = new List<DesignDecision>
        {
            new(Area, "Access control", "File permissions: the database, its -wal and -shm files and their directory owned by the application's service account, mode 0600 (directory 0700)",
                "SQLite has no logins, roles or GRANT: the operating system's file permissions are the only access control. The directory must be writable by the owner because SQLite creates the -wal, -shm and journal files beside the database."),
            new(Area, "Least privilege", "Reporting and read-only code paths open the file with mode=ro (or PRAGMA query_only = ON)",
                "A read-only connection cannot write even if the code has a bug or an injection; it is the closest SQLite comes to a read-only role."),
            new(Area, "Encryption at rest", "SQLCipher (open source, AES-256) or SQLite's commercial SEE when the file can leave the server; otherwise full-disk encryption",
                "The standard SQLite build stores pages in clear text; anyone with a copy of the file (or a backup) reads everything. SQLCipher and SEE encrypt each page with a key the application supplies at open. Backups inherit the protection only when they are copies of the encrypted file."),
            new(Area, "SQL injection", "Every query binds parameters (?1, ?2 …); the query templates never splice values into SQL",
                "With no privilege separation inside the database, an injected statement can do anything the file allows."),
            new(Area, "Untrusted schema", "PRAGMA trusted_schema = OFF on application connections that open files from elsewhere",
                "Stops triggers and views in a tampered file from calling application-defined functions with side effects."),
        };
        if (physical.Tables.Any(t => t.Features.TenantScoped) || requirement.Application.Tenancy == Tenancy.Multi)
        {
            decisions.Add(new(Area, "Tenant isolation", "No row-level security in SQLite: one database file per tenant is the recommended layout; with a shared file every query must filter on the tenant key (the query templates do)",
                "SQLite cannot enforce that a connection sees only its tenant's rows. A file per tenant gives hard isolation (a query cannot reach another tenant's file), per-tenant backup, restore and deletion, and spreads writes over many files, each with its own write lock. In a shared file isolation rests entirely on application code."));
        }

        return new SecurityPlan(Array.Empty<SecurityRole>(), Array.Empty<string>(), Array.Empty<HostAccessRule>(), decisions);
    }
}
