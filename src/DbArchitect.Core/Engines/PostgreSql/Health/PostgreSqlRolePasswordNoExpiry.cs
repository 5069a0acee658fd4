using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.PostgreSql.Health;

/// <summary>ROLE_PASSWORD_NO_EXPIRY: login roles whose password never expires.</summary>
internal sealed class PostgreSqlRolePasswordNoExpiry : PostgreSqlHealthCheck
{
    public override string Id => "ROLE_PASSWORD_NO_EXPIRY";

    public override string Title => "Login role without password expiry";

    public override string Category => "Security";

    public override string Description => "Login roles with no VALID UNTIL. Information for policies that require rotation; service accounts authenticated by certificates or SCRAM with external rotation may be excluded with a reason.";

    public override HealthPriority Priority => HealthPriority.Low;

    public override string Sql => """
        SELECT rolname AS target, rolsuper AS superuser
        FROM pg_roles
        WHERE rolcanlogin AND rolvaliduntil IS NULL AND rolname NOT LIKE 'pg\_%'
        """;

    protected override HealthStatus FoundStatus => HealthStatus.Info;

    protected override string Describe(LiveRow row, double? measured) => row.Boolean("superuser") == true
        ? "Superuser login role whose password never expires."
        : "Login role whose password never expires.";

    protected override string Recommend(LiveRow row) => "Set VALID UNTIL as your rotation policy requires, or exclude the role with the reason it is exempt.";
}
