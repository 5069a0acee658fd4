using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>What MySQL's and MariaDB's health checks share: the engine ids, quoting of a table name for fixes.</summary>
internal static class MySqlHealth
{
    public static readonly IReadOnlyList<string> Engines = new[] { "mariadb", "mysql" };

    /// <summary>
    /// A query over MariaDB's information_schema.global_status, pointed at performance_schema.global_status on MySQL 8,
    /// which removed the information_schema table.
    /// </summary>
    public static string StatusQuery(HealthCheckContext context, string mariaDbSql) =>
        string.Equals(context.Engine, "mysql", StringComparison.Ordinal)
            ? mariaDbSql.Replace("information_schema.global_status", "performance_schema.global_status", StringComparison.Ordinal)
            : mariaDbSql;

    public static string Table(LiveRow row) => MySqlWriter.Id(row.String("table_name") ?? string.Empty);

    public static bool IsMariaDb(HealthCheckContext context) => string.Equals(context.Engine, "mariadb", StringComparison.Ordinal);

    /// <summary>
    /// The accounts that can log in, as a derived table (user, host, plugin, authentication_string). On MariaDB, roles
    /// (is_role = 'Y') cannot log in and a locked account (mysql.global_priv's account_locked, e.g. mariadb.sys) is
    /// refused at login, so neither is an account anyone can use; MySQL keeps the lock in mysql.user and models roles
    /// as locked accounts.
    /// </summary>
    public static string LoginAccounts(HealthCheckContext context) => IsMariaDb(context) ? MariaDbLoginAccounts : MySqlLoginAccounts;

    /// <summary>The MariaDB form of <see cref="LoginAccounts"/> (the documented query).</summary>
    public const string MariaDbLoginAccounts = """
        (SELECT u.user, u.host, u.plugin, u.authentication_string
         FROM mysql.user u JOIN mysql.global_priv g ON g.user = u.user AND g.host = u.host
         WHERE u.is_role = 'N' AND COALESCE(JSON_VALUE(g.priv, '$.account_locked'), 'false') NOT IN ('true', '1'))
        """;

    private const string MySqlLoginAccounts = "(SELECT user, host, plugin, authentication_string FROM mysql.user WHERE account_locked = 'N')";

    /// <summary>An account as MySQL writes it in GRANT and DROP USER: 'user'@'host'.</summary>
    public static string Account(string user, string host) => $"{MySqlWriter.String(user)}@{MySqlWriter.String(host)}";

    /// <summary>True when performance_schema is on (read once per run).</summary>
    public static bool PerformanceSchemaOn(HealthCheckContext context) =>
        context.Cached("mysql.performance_schema", () => Convert.ToInt64(context.Session.Scalar("SELECT @@performance_schema", "Reading performance_schema"), System.Globalization.CultureInfo.InvariantCulture)) != 0;
}

/// <summary>A MySQL/MariaDB check that is one catalog query over the current database (or the server).</summary>
internal abstract class MySqlHealthCheck : QueryHealthCheck
{
    public override IReadOnlyList<string> Engines => MySqlHealth.Engines;

    /// <summary>True when the check reads performance_schema and is skipped while it is off (PERFORMANCE_SCHEMA_OFF lists them).</summary>
    public virtual bool NeedsPerformanceSchema => false;
}

/// <summary>Names the database a MySQL/MariaDB session is in.</summary>
internal sealed class MySqlHealthProfile : IHealthEngineProfile
{
    public IReadOnlyList<string> Engines => MySqlHealth.Engines;

    public string DatabaseName(LiveSession session) =>
        Convert.ToString(session.Scalar("SELECT DATABASE()", "Reading the database name"), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}
