using System.Data.Common;
using System.Globalization;
using DbArchitect.Core.Live;
using Microsoft.Data.Sqlite;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// SQLite files through Microsoft.Data.Sqlite. -Server is the file path; a read-only probe opens the file with
/// query_only, so nothing (not even a stray journal) is written, and waits at most the lock timeout for a writer.
/// </summary>
internal sealed class SqliteLiveDriver : ILiveDriver
{
    public int DefaultPort => 0;

    public string VersionQuery => "SELECT sqlite_version()";

    public DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    public string BuildConnectionString(LiveEndpoint endpoint) =>
        new SqliteConnectionStringBuilder { DataSource = endpoint.Database ?? endpoint.Server, Mode = SqliteOpenMode.ReadWrite }.ConnectionString;

    public string Describe(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;

    public string? Password(string connectionString) => new SqliteConnectionStringBuilder(connectionString).Password;

    public IReadOnlyList<string> SessionSetup(LiveSessionOptions options)
    {
        var statements = new List<string>
        {
            $"PRAGMA busy_timeout = {((long)options.LockTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}",
        };
        if (options.ReadOnly)
        {
            statements.Add("PRAGMA query_only = 1");
        }

        return statements;
    }
}
