using System.Globalization;
using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.SqlServer.Health;

/// <summary>What SQL Server's checks share: the engine id and what kind of SQL Server the session reached.</summary>
internal static class SqlServerHealth
{
    public static readonly IReadOnlyList<string> Engines = new[] { "sqlserver" };

    /// <summary>SERVERPROPERTY('EngineEdition'): 5 is Azure SQL Database, 8 Azure SQL Managed Instance, 3 Enterprise (and Developer, Evaluation).</summary>
    public const string EngineEditionSql = "SELECT CAST(SERVERPROPERTY('EngineEdition') AS int) AS engine_edition;";

    public const int AzureSqlDatabase = 5;

    /// <summary>The session's engine edition, asked once per run.</summary>
    public static int EngineEdition(HealthCheckContext context) => context.Cached("sqlserver.engine_edition", () =>
        Convert.ToInt32(context.Session.Scalar(EngineEditionSql, "Reading the engine edition") ?? 0, CultureInfo.InvariantCulture));

    public static bool IsAzureSqlDatabase(HealthCheckContext context) => EngineEdition(context) == AzureSqlDatabase;
}

/// <summary>
/// A SQL Server check that is one catalog query. A check that reads what Azure SQL Database does not have or manages
/// itself (msdb's backup and job history, server memory, tempdb files) says why in <see cref="AzureSqlDatabaseSkip"/>
/// and is Skipped there with that reason.
/// </summary>
internal abstract class SqlServerHealthCheck : QueryHealthCheck
{
    public static readonly IReadOnlyList<string> EngineIds = SqlServerHealth.Engines;

    public override IReadOnlyList<string> Engines => EngineIds;

    /// <summary>Why the check does not apply to Azure SQL Database; null when it runs there too.</summary>
    public virtual string? AzureSqlDatabaseSkip => null;

    protected override string? SkipReason(HealthCheckContext context) =>
        AzureSqlDatabaseSkip is { } reason && SqlServerHealth.IsAzureSqlDatabase(context) ? $"Azure SQL Database: {reason}" : null;
}

/// <summary>Names the database a SQL Server session is in.</summary>
internal sealed class SqlServerHealthProfile : IHealthEngineProfile
{
    public const string DatabaseNameSql = "SELECT DB_NAME() AS name;";

    public IReadOnlyList<string> Engines => SqlServerHealth.Engines;

    public string DatabaseName(LiveSession session) =>
        Convert.ToString(session.Scalar(DatabaseNameSql, "Reading the database name"), CultureInfo.InvariantCulture) ?? string.Empty;
}
