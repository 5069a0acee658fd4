using DbArchitect.Core.Design;
using DbArchitect.Core.Model;
using DbArchitect.Core.Requirements;
using DbArchitect.Core.Tuning;

namespace DbArchitect.Core.Engines;

/// <summary>
/// An engine's security model for a design: group roles with their privileges, the host access rules for the
/// server's authentication file, and the decisions (with reasons) the design document shows. Pure. Login-role
/// connection limits are shares of <paramref name="connections"/>, the design's one connection budget.
/// </summary>
public interface ISecurityPlanner
{
    SecurityPlan Plan(DbRequirement requirement, SchemaModel physical, ConnectionBudget connections);
}

/// <summary>
/// A group role the build creates (never a login role). <see cref="Privileges"/> maps an object class ("tables",
/// "sequences", "monitoring views", …) to what the role may do there; <see cref="LoginConnectionLimit"/> is the limit
/// recommended for each login role granted this role.
/// </summary>
public sealed record SecurityRole(
    string Name,
    string Purpose,
    IReadOnlyDictionary<string, string> Privileges,
    IReadOnlyList<string> MemberOf,
    int LoginConnectionLimit,
    string LoginExample);

/// <summary>One line of the host access (authentication) file, with the reason it is there.</summary>
public sealed record HostAccessRule(string Type, string Database, string User, string Address, string Method, string Reason);

public sealed record SecurityPlan(
    IReadOnlyList<SecurityRole> Roles,
    IReadOnlyList<string> PrivilegeClasses,
    IReadOnlyList<HostAccessRule> HostAccess,
    IReadOnlyList<DesignDecision> Decisions)
{
    /// <summary>The engine's host access file the rules go into ("pg_hba.conf"), as design.md names it; null when the engine has none.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? HostAccessFile { get; init; }

    public static SecurityPlan Empty { get; } = new(Array.Empty<SecurityRole>(), Array.Empty<string>(), Array.Empty<HostAccessRule>(), Array.Empty<DesignDecision>());
}
