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
}

/// <summary>A MySQL/MariaDB check that is one catalog query over the current database (or the server).</summary>
internal abstract class MySqlHealthCheck : QueryHealthCheck
{
    public override IReadOnlyList<string> Engines => MySqlHealth.Engines;
}

/// <summary>Names the database a MySQL/MariaDB session is in.</summary>
internal sealed class MySqlHealthProfile : IHealthEngineProfile
{
    public IReadOnlyList<string> Engines => MySqlHealth.Engines;

    public string DatabaseName(LiveSession session) =>
        Convert.ToString(session.Scalar("SELECT DATABASE()", "Reading the database name"), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}
