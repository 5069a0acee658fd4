using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>
/// WILDCARD_HOST_WRITER: accounts that may log in from any host matching a wildcard ('%', '10.%') and may change data
/// or schema: directly (server, database or table grants) or, on MariaDB, through a role granted to them.
/// </summary>
internal sealed class MySqlWildcardHostWriter : MySqlHealthCheck
{
    private const string WritePrivileges = "'Y' IN (w.Insert_priv, w.Update_priv, w.Delete_priv, w.Create_priv, w.Drop_priv, w.Alter_priv)";

    private const string TableWrites = "(FIND_IN_SET('Insert', w.table_priv) > 0 OR FIND_IN_SET('Update', w.table_priv) > 0 OR FIND_IN_SET('Delete', w.table_priv) > 0 OR FIND_IN_SET('Drop', w.table_priv) > 0 OR FIND_IN_SET('Alter', w.table_priv) > 0)";

    public override string Id => "WILDCARD_HOST_WRITER";

    public override string Title => "Account with write privileges from a wildcard host";

    public override string Category => "Security";

    public override string Description => "Accounts that can log in (not roles, not locked) from a host pattern with a wildcard ('%' is any host) and hold INSERT, UPDATE, DELETE, CREATE, DROP or ALTER on the server, a database or a table, directly or (MariaDB) through a role granted to them. A leaked password then writes from anywhere; '%' is a warning, a narrower pattern (10.0.%) info.";

    public override string Needs => "SELECT on mysql.user, mysql.db, mysql.tables_priv (and mysql.global_priv, mysql.roles_mapping on MariaDB)";

    public override HealthPriority Priority => HealthPriority.High;

    public override string Sql => Query(MySqlHealth.MariaDbLoginAccounts, MariaDbRoleGrants);

    protected override string QueryFor(HealthCheckContext context) =>
        MySqlHealth.IsMariaDb(context) ? Sql : Query(MySqlHealth.LoginAccounts(context), "SELECT NULL AS user, NULL AS host, NULL AS grantee FROM DUAL WHERE FALSE");

    protected override HealthStatus StatusOf(LiveRow row, HealthStatus judged) => row.String("host") == "%" ? HealthStatus.Warning : HealthStatus.Info;

    protected override string Describe(LiveRow row, double? measured) => $"Logs in from '{row.String("host")}' and may write to {TextCut.ToLength(row.String("writes_on") ?? string.Empty, 300)}.";

    protected override string Recommend(LiveRow row) => "Re-create the account for the application servers' addresses or subnet only (CREATE USER 'app'@'10.0.1.%' …, grant, then DROP USER the wildcard account), and require TLS (REQUIRE SSL).";

    /// <summary>Role grants on MariaDB: (user, host) holds the role named grantee.</summary>
    private const string MariaDbRoleGrants = "SELECT m.user, m.host, m.role AS grantee FROM mysql.roles_mapping m";

    private static string Query(string accounts, string roleGrants) => $"""
        WITH writes AS (
          SELECT w.user, w.host, '*.*' AS scope FROM mysql.user w WHERE {WritePrivileges}
          UNION ALL SELECT w.user, w.host, CONCAT(w.db, '.*') FROM mysql.db w WHERE {WritePrivileges}
          UNION ALL SELECT w.user, w.host, CONCAT(w.db, '.', w.table_name) FROM mysql.tables_priv w WHERE {TableWrites}),
        held AS (
          SELECT a.user, a.host, w.scope FROM {accounts} a JOIN writes w ON w.user = a.user AND w.host = a.host
          UNION ALL
          SELECT a.user, a.host, CONCAT(w.scope, ' (role ', r.grantee, ')')
          FROM {accounts} a JOIN ({roleGrants}) r ON r.user = a.user AND r.host = a.host
          JOIN writes w ON w.user = r.grantee AND w.host = '')
        SELECT CONCAT('''', user, '''@''', host, '''') AS target, user AS user_name, host,
               GROUP_CONCAT(DISTINCT scope ORDER BY scope SEPARATOR ', ') AS writes_on
        FROM held
        WHERE user <> '' AND (host LIKE '%\%%' OR host LIKE '%\_%')
        GROUP BY user, host
        """;
}
