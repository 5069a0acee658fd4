using DbArchitect.Core.Health;
using DbArchitect.Core.Live;

namespace DbArchitect.Core.Engines.Sqlite.Health;

/// <summary>What SQLite's health checks share.</summary>
internal static class SqliteHealth
{
    public static readonly IReadOnlyList<string> Engines = new[] { "sqlite" };

    /// <summary>A condition on a sqlite_schema alias that keeps the application's own tables.</summary>
    public static string UserTable(string alias) => $"{alias}.type = 'table' AND {alias}.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
}

/// <summary>A SQLite check that is one query over the catalog and pragma functions.</summary>
internal abstract class SqliteHealthCheck : QueryHealthCheck
{
    public override IReadOnlyList<string> Engines => SqliteHealth.Engines;
}

/// <summary>Names a SQLite database by its file name (never the full path, which may name a user's home).</summary>
internal sealed class SqliteHealthProfile : IHealthEngineProfile
{
    public IReadOnlyList<string> Engines => SqliteHealth.Engines;

    public string DatabaseName(LiveSession session)
    {
        var file = Convert.ToString(session.Scalar("SELECT file FROM pragma_database_list WHERE name = 'main'", "Reading the database file"), System.Globalization.CultureInfo.InvariantCulture);
        return string.IsNullOrEmpty(file) ? "main" : Path.GetFileName(file);
    }
}
