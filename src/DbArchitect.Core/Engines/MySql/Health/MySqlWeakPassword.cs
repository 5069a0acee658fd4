using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>
/// WEAK_PASSWORD: accounts whose password is their user name or one of a short list of the most common passwords,
/// decided without logging in: mysql_native_password stores an unsalted hash, '*' + UPPER(SHA1(UNHEX(SHA1(password)))),
/// so the server computes that hash for each candidate and compares it with authentication_string. Salted plugins
/// (caching_sha2_password, ed25519) cannot be tested this way and are not judged.
/// </summary>
internal sealed class MySqlWeakPassword : MySqlHealthCheck
{
    /// <summary>The candidates besides the user name: the top of every leaked-password list, and the installers' defaults.</summary>
    private static readonly string[] Common =
    {
        "password", "123456", "12345678", "123456789", "qwerty", "admin", "root", "mysql", "mariadb", "secret",
        "changeme", "letmein", "welcome", "test", "passw0rd", "abc123", "111111", "000000", "toor", "pass",
    };

    public override string Id => "WEAK_PASSWORD";

    public override string Title => "Password equal to the user name or a common password";

    public override string Category => "Security";

    public override string Description => "Accounts that can log in with mysql_native_password whose stored hash equals the hash of their user name or of one of 20 common passwords (password, 123456, admin, root, changeme…). Decided without logging in: the plugin stores '*' + UPPER(SHA1(UNHEX(SHA1(password)))) unsalted, so the server hashes each candidate and compares. Salted plugins (caching_sha2_password, ed25519) are not judged.";

    public override string Needs => "SELECT on mysql.user (and mysql.global_priv on MariaDB)";

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => Query(MySqlHealth.MariaDbLoginAccounts);

    protected override string QueryFor(HealthCheckContext context) => Query(MySqlHealth.LoginAccounts(context));

    protected override HealthStatus FoundStatus => HealthStatus.Critical;

    // The common password is never named: the finding goes into reports and tickets.
    protected override string Describe(LiveRow row, double? measured) => row.String("matched") == "user name"
        ? "The password is the user name (its mysql_native_password hash equals the hash of the name)."
        : "The password is one of the 20 most common passwords (its mysql_native_password hash matches one of them).";

    protected override string Recommend(LiveRow row) => "Set a strong password now (ALTER USER … IDENTIFIED BY), and install simple_password_check or cracklib_password_check so the server refuses such passwords.";

    protected override string? Fix(LiveRow row) => $"ALTER USER {MySqlHealth.Account(row.String("user_name") ?? string.Empty, row.String("host") ?? string.Empty)} ACCOUNT LOCK;";

    private static string Query(string accounts)
    {
        var words = string.Join(" UNION ALL ", Common.Select(w => $"SELECT {MySqlWriter.String(w)} AS word"));
        return $"""
            SELECT CONCAT('''', a.user, '''@''', a.host, '''') AS target, a.user AS user_name, a.host,
                   CASE WHEN a.authentication_string = CONCAT('*', UPPER(SHA1(UNHEX(SHA1(a.user))))) THEN 'user name' ELSE 'common password' END AS matched
            FROM {accounts} a
            WHERE a.user <> '' AND a.plugin = 'mysql_native_password' AND a.authentication_string LIKE '*%'
              AND (a.authentication_string = CONCAT('*', UPPER(SHA1(UNHEX(SHA1(a.user)))))
                   OR a.authentication_string IN (SELECT CONCAT('*', UPPER(SHA1(UNHEX(SHA1(w.word))))) FROM ({words}) w))
            """;
    }
}
