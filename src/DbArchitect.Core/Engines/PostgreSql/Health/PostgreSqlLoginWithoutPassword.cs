using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>
/// ACCOUNT_WITHOUT_PASSWORD: login roles with no password. With scram-sha-256 or md5 lines they cannot log in at all,
/// so they log in only where pg_hba.conf needs no password from them (trust, peer, ident, cert…): critical when a
/// trust line covers them over the network, a warning otherwise. The bootstrap superuser (peer on the local socket by
/// convention) is not reported.
/// </summary>
internal sealed class PostgreSqlLoginWithoutPassword : PostgreSqlHealthCheck
{
    public override string Id => "ACCOUNT_WITHOUT_PASSWORD";

    public override string Title => "Account without a password";

    public override string Category => "Security";

    public override string Description => "Login roles without a password (pg_authid.rolpassword is NULL), other than the bootstrap superuser. They log in only through lines of pg_hba.conf that ask no password of them — trust, peer, ident, cert: critical when a host trust line covers them (anyone who reaches the port is them), a warning otherwise (an application role normally has a password, or is NOLOGIN). Skipped when the login may not read pg_authid.";

    public override string Needs => "SELECT on pg_authid (superuser); pg_hba_file_rules to judge trust lines";

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => """
        SELECT a.rolname AS target, a.rolsuper AS superuser,
               EXISTS (SELECT 1 FROM pg_hba_file_rules h WHERE h.auth_method = 'trust' AND h.type LIKE 'host%'
                       AND ('all' = ANY (h.user_name) OR a.rolname = ANY (h.user_name))) AS trust_over_network
        FROM pg_authid a
        WHERE a.rolcanlogin AND a.rolpassword IS NULL AND a.oid <> 10 AND a.rolname NOT LIKE 'pg\_%'
        """;

    protected override string? SkipReason(HealthCheckContext context) =>
        context.Session.Scalar("SELECT has_table_privilege('pg_catalog.pg_authid', 'SELECT') AND has_table_privilege('pg_catalog.pg_hba_file_rules', 'SELECT')", "Reading privileges") is true
            ? null
            : "The login may not read pg_authid and pg_hba_file_rules (superuser), so passwords are not visible.";

    protected override HealthStatus StatusOf(LiveRow row, HealthStatus judged) => row.Boolean("trust_over_network") == true ? HealthStatus.Critical : HealthStatus.Warning;

    protected override string Describe(LiveRow row, double? measured) => row.Boolean("trust_over_network") == true
        ? "Login role without a password, covered by a trust line over the network: anyone who reaches the port logs in as it."
        : "Login role without a password: it logs in only where pg_hba.conf asks none (peer, ident, cert, trust).";

    protected override string Recommend(LiveRow row) => "Give it a password (\\password in psql, stored as SCRAM) or make it NOLOGIN if it only owns objects or groups privileges.";

    protected override string? Fix(LiveRow row) => $"ALTER ROLE {PostgreSqlWriter.Id(row.String("target") ?? string.Empty)} NOLOGIN;";
}
