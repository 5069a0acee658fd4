using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>ACCOUNT_WITHOUT_PASSWORD: password-authenticated accounts whose password is empty.</summary>
internal sealed class MySqlAccountWithoutPassword : MySqlHealthCheck
{
    public override string Id => "ACCOUNT_WITHOUT_PASSWORD";

    public override string Title => "Account without a password";

    public override string Category => "Security";

    public override string Description => "Named accounts using a password plugin with an empty password (accounts on unix_socket or other plugins are not counted). Anyone who can reach the server logs in as them. Needs SELECT on mysql.user.";

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => """
        SELECT CONCAT('''', user, '''@''', host, '''') AS target, plugin
        FROM mysql.user
        WHERE user <> '' AND COALESCE(authentication_string, '') = '' AND COALESCE(plugin, '') IN ('', 'mysql_native_password', 'caching_sha2_password', 'sha256_password')
          AND NOT (COALESCE(plugin, '') = '' AND user IN ('mariadb.sys', 'mysql.sys', 'mysql.session', 'mysql.infoschema'))
        """;

    protected override HealthStatus FoundStatus => HealthStatus.Critical;

    protected override string Describe(LiveRow row, double? measured) => "The account has no password.";

    protected override string Recommend(LiveRow row) => "Set a strong password (ALTER USER … IDENTIFIED BY) or lock the account.";
}
