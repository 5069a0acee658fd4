using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.MySql.Health;

/// <summary>What MySQL's and MariaDB's health checks share: the engine ids, quoting of a table name for fixes.</summary>
internal static class MySqlHealth
{
    public static readonly IReadOnlyList<string> Engines = new[] { "mariadb", "mysql" };

    /// <summary>Only MariaDB: checks that read information_schema.GLOBAL_STATUS (MySQL 8 moved it to performance_schema).</summary>
    public static readonly IReadOnlyList<string> MariaDbOnly = new[] { "mariadb" };

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
