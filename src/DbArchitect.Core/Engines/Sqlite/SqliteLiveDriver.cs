using System.Data.Common;
using System.Globalization;
using DbArchitect.Core.Errors;
using DbArchitect.Core.Live;
using DbArchitect.Core.Requirements;
using Microsoft.Data.Sqlite;

namespace DbArchitect.Core.Engines.Sqlite;

/// <summary>
/// SQLite files through Microsoft.Data.Sqlite. -Server is the file path. The file must exist: a live cmdlet never
/// creates a database (a mistyped path would otherwise be checked as an empty new database and pass). A read-only
/// probe opens the file read-only (Mode=ReadOnly, and query_only), so nothing is written, and waits at most the lock
/// timeout for a writer; a session that may write opens it ReadWrite, never ReadWriteCreate.
/// </summary>
internal sealed class SqliteLiveDriver : ILiveDriver
{
    public int DefaultPort => 0;

    public string VersionQuery => "SELECT sqlite_version()";

    public DbConnection CreateConnection(string connectionString, LiveSessionOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            return new SqliteConnection(builder.ConnectionString);
        }

        if (!builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var path = Path.GetFullPath(builder.DataSource);
            if (!File.Exists(path))
            {
                throw new DbArchitectException(new DbArchitectError(
                    "SqliteDatabaseNotFound", ErrorKind.ObjectNotFound,
                    Directory.Exists(path)
                        ? "This is a folder, not a SQLite database file; live cmdlets open an existing database and never create one."
                        : "The SQLite database file does not exist; live cmdlets open an existing database and never create one.",
                    "Check the path (a relative path is taken from the process's working directory) and pass the database file, for example -Engine sqlite -Server ./app.db.",
                    new SourceLocation(path, 0, 0), path));
            }
        }

        builder.Mode = options.ReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite;
        return new SqliteConnection(builder.ConnectionString);
    }

    public string BuildConnectionString(LiveEndpoint endpoint) =>
        new SqliteConnectionStringBuilder { DataSource = endpoint.Database ?? endpoint.Server, Mode = SqliteOpenMode.ReadWrite }.ConnectionString;

    public string Describe(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;

    // SQLITE_BUSY (5) and SQLITE_LOCKED (6) after busy_timeout: a writer held the file longer than the lock timeout.
    public LiveLimit LimitHit(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 } ? LiveLimit.LockTimeout : LiveLimit.None;

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
