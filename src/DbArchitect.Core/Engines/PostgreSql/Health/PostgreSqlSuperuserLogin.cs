using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>SUPERUSER_LOGIN: login roles besides the bootstrap superuser that are superusers (applications and people run as them).</summary>
internal sealed class PostgreSqlSuperuserLogin : PostgreSqlHealthCheck
{
    public override string Id => "SUPERUSER_LOGIN";

    public override string Title => "Superuser login role";

    public override string Category => "Security";

    public override string Description => "Login roles with SUPERUSER other than the bootstrap superuser: an application or person running as one bypasses every privilege and row-level policy, can read files and run programs on the server (COPY … PROGRAM), and one SQL injection owns the machine. Warning.";

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => """
        SELECT r.rolname AS target, r.rolcreaterole, r.rolcreatedb,
               (SELECT count(*) FROM pg_stat_activity a WHERE a.usename = r.rolname) AS sessions
        FROM pg_roles r
        WHERE r.rolsuper AND r.rolcanlogin AND r.oid <> 10
        """;

    protected override string Describe(LiveRow row, double? measured) => $"Superuser that can log in ({row.String("sessions")} session(s) now).";

    protected override string Recommend(LiveRow row) => "Give the application a role that owns its schema (or has the privileges it needs) and keep superuser for administration; on PostgreSQL 16+ CREATEROLE suffices to manage roles.";

    protected override string? Fix(LiveRow row) => $"ALTER ROLE {PostgreSqlWriter.Id(row.String("target") ?? string.Empty)} NOSUPERUSER;";
}
