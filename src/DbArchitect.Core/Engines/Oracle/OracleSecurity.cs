using System.Globalization;
using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Tuning;

namespace DbArchitect.Core.Engines.Oracle;

/// <summary>
/// Oracle's security model for a design: the schema is a schema-only account nobody logs in as; three group roles
/// (read, write, audit) hold least privilege; tenant isolation is Virtual Private Database; encryption is TDE at rest
/// and native network encryption or TLS in transit. Login users get a profile limiting their sessions.
/// </summary>
internal sealed class OracleSecurity : ISecurityPlanner
{
    private const string Area = DesignAreas.Security;

    public static IReadOnlyList<string> PrivilegeClasses { get; } = new[] { "tables", "audit table", "context package", "tenant rows" };

    public sealed record Roles(string Read, string Write, string Audit);

    /// <summary>Role names are database-wide in Oracle, so they carry the schema's name.</summary>
    public static Roles RoleNames(string schema)
    {
        var max = new OracleIdentifiers().MaxIdentifierBytes;
        return new(IdentifierShortener.Shorten(schema + "_read", max), IdentifierShortener.Shorten(schema + "_write", max), IdentifierShortener.Shorten(schema + "_audit", max));
    }

    public SecurityPlan Plan(DbRequirement requirement, SchemaModel physical, ConnectionBudget connections)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(physical);
        ArgumentNullException.ThrowIfNull(connections);
        var roles = RoleNames(physical.Schema);
        var multi = OracleSecurityDdl.TenantTables(physical).Count > 0;
        var audit = physical.Tables.Any(t => t.Kind == TableKind.Audit);
        var appSessions = connections.Application;
        // Readers serve support tools and reports alike; DDL runs as a DBA against the schema-only owner, so the
        // migrations share of the budget serves the auditors.
        var readSessions = connections.ReadOnly + connections.Reporting;
        var auditSessions = connections.Migrations;
        string Login(string role, string suffix, int sessions) =>
            $"CREATE USER {OracleWriter.Id(IdentifierShortener.Shorten(physical.Schema + "_" + suffix, 128))} IDENTIFIED BY \"<password>\" PROFILE app_profile; -- SESSIONS_PER_USER {sessions.ToString(CultureInfo.InvariantCulture)} in the profile\nGRANT CREATE SESSION, {OracleWriter.Id(role)} TO {OracleWriter.Id(IdentifierShortener.Shorten(physical.Schema + "_" + suffix, 128))}";
        var tenantRows = multi ? "own tenant only (VPD)" : "–";
        Dictionary<string, string> P(string tables, string auditTable, string package, string rows) =>
            new(StringComparer.Ordinal) { ["tables"] = tables, ["audit table"] = audit ? auditTable : "–", ["context package"] = package, ["tenant rows"] = rows };

        var planRoles = new List<SecurityRole>
        {
            new(roles.Write, "The application: reads and writes rows, never changes the schema (DDL runs as a DBA against the schema-only owner).",
                P("SELECT, INSERT, UPDATE, DELETE", "– (the audit trigger writes as the owner)", "EXECUTE", tenantRows), Array.Empty<string>(), appSessions, Login(roles.Write, "app", appSessions)),
            new(roles.Read, "Support tools and reports: READ only, which unlike SELECT cannot lock rows with SELECT … FOR UPDATE.",
                P("READ", "–", "EXECUTE", tenantRows), Array.Empty<string>(), readSessions, Login(roles.Read, "reader", readSessions)),
            new(roles.Audit, "Auditors: read the change history, nothing else.",
                P("–", "READ", "–", "–"), Array.Empty<string>(), auditSessions, Login(roles.Audit, "auditor", auditSessions)),
        };

        var decisions = new List<DesignDecision>
        {
            new(Area, "Schema owner", $"{physical.Schema} is a schema-only account (NO AUTHENTICATION)",
                "Nobody can log in as the owner of the tables (18c+), so a leaked application password can never drop or alter them; deployments run as a DBA, applications as their own users with one role each."),
            new(Area, "Roles", $"{roles.Write}, {roles.Read}, {roles.Audit}",
                $"Least privilege: the application gets DML only, readers READ (no row locks), auditors only the audit table. Application sessions per user limited to {appSessions.ToString(CultureInfo.InvariantCulture)} by a profile, the application's share of the design's one connection budget ({connections.Breakdown}; {connections.Reason}), whose total sizes SESSIONS and PROCESSES in the tuning section, so a runaway pool cannot exhaust PROCESSES."),
            new(Area, "Encryption", "TDE tablespace encryption at rest; network encryption in transit",
                "Transparent Data Encryption (Advanced Security option) encrypts the tablespace files and backups without application changes; set SQLNET.ENCRYPTION_SERVER = REQUIRED and SQLNET.CRYPTO_CHECKSUM_SERVER = REQUIRED (native encryption, no certificates) or TCPS with TLS 1.2+, so no session travels in clear text."),
            new(Area, "Auditing", "Unified Auditing for logons and DDL",
                "CREATE AUDIT POLICY on logons, failed logons and DDL against the schema records who changed the structure; the row-level history is the audit table's triggers."),
        };
        if (multi)
        {
            decisions.Add(new(Area, "Multi-tenancy", "Virtual Private Database (DBMS_RLS) on every tenant-scoped table",
                "A context-sensitive policy appends tenant_id = SYS_CONTEXT(…, 'TENANT_ID') to every SELECT, INSERT, UPDATE and DELETE (update_check keeps writes inside the tenant); the context can be set only through its package, so the application calls it once per request after taking a pooled connection. No tenant set means no rows. VPD is part of Enterprise Edition."));
        }

        return new SecurityPlan(planRoles, PrivilegeClasses, Array.Empty<HostAccessRule>(), decisions);
    }
}
