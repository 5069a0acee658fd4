using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>
/// ACCOUNT_WITHOUT_PASSWORD: accounts that can log in with a password plugin and have an empty password. Roles and
/// locked accounts (mariadb.sys) cannot log in, and accounts on unix_socket, ed25519-less PAM, GSSAPI and the like
/// authenticate another way: none of them is a passwordless login.
/// </summary>
internal sealed class MySqlAccountWithoutPassword : MySqlHealthCheck
{
    public override string Id => "ACCOUNT_WITHOUT_PASSWORD";

    public override string Title => "Account without a password";

    public override string Category => "Security";

    public override string Description => "Named accounts that can log in (not roles, not locked accounts such as mariadb.sys) using a password plugin with an empty password; accounts on unix_socket or other non-password plugins are not counted. Anyone who can reach the server logs in as them.";

    public override string Needs => "SELECT on mysql.user (and mysql.global_priv on MariaDB)";

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => Query(MySqlHealth.MariaDbLoginAccounts);

    protected override string QueryFor(HealthCheckContext context) => Query(MySqlHealth.LoginAccounts(context));

    protected override HealthStatus FoundStatus => HealthStatus.Critical;

    protected override string Describe(LiveRow row, double? measured) => $"The account can log in with {row.String("plugin")} and has no password.";

    protected override string Recommend(LiveRow row) => "Set a strong password (ALTER USER … IDENTIFIED BY), or lock the account if nobody logs in as it.";

    protected override string? Fix(LiveRow row) => $"ALTER USER {MySqlHealth.Account(row.String("user_name") ?? string.Empty, row.String("host") ?? string.Empty)} ACCOUNT LOCK;";

    private static string Query(string accounts) => $"""
        SELECT CONCAT('''', a.user, '''@''', a.host, '''') AS target, a.user AS user_name, a.host, COALESCE(NULLIF(a.plugin, ''), 'mysql_native_password') AS plugin
        FROM {accounts} a
        WHERE a.user <> '' AND COALESCE(a.authentication_string, '') = ''
          AND COALESCE(a.plugin, '') IN ('', 'mysql_native_password', 'caching_sha2_password', 'sha256_password', 'ed25519')
        """;
}
