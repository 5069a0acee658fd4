using System.Data.Common;
using System.Globalization;
using DbArchitect.Core.Live;
using MySqlConnector;

namespace DbArchitect.Core.Engines.MySql;

/// <summary>
/// MySQL 8 and MariaDB through MySqlConnector. The statement limit is spelled differently by the two servers
/// (MariaDB max_statement_time in seconds, MySQL max_execution_time in milliseconds, SELECT only).
/// </summary>
internal sealed class MySqlLiveDriver : ILiveDriver
{
    private readonly MySqlDialect _dialect;

    public MySqlLiveDriver(MySqlDialect dialect)
    {
        _dialect = dialect;
    }

    public int DefaultPort => 3306;

    public string VersionQuery => "SELECT VERSION()";

    public DbConnection CreateConnection(string connectionString, LiveSessionOptions options) => new MySqlConnection(connectionString);

    public string BuildConnectionString(LiveEndpoint endpoint)
    {
        var builder = new MySqlConnectionStringBuilder
        {
            Server = endpoint.Server,
            Port = (uint)(endpoint.Port ?? DefaultPort),
        };
        if (endpoint.Database is not null)
        {
            builder.Database = endpoint.Database;
        }

        if (endpoint.User is not null)
        {
            builder.UserID = endpoint.User;
            builder.Password = endpoint.Password;
        }

        return builder.ConnectionString;
    }

    public string Describe(string connectionString)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString);
        var user = string.IsNullOrEmpty(builder.UserID) ? string.Empty : $" as {builder.UserID}";
        return $"{builder.Server}:{builder.Port.ToString(CultureInfo.InvariantCulture)}/{builder.Database}{user}";
    }

    // 1969: MariaDB's max_statement_time exceeded; 3024: MySQL's max_execution_time exceeded; 1205: lock wait timeout.
    public LiveLimit LimitHit(DbException exception) => exception switch
    {
        MySqlException { Number: 1969 or 3024 } => LiveLimit.StatementTimeout,
        MySqlException { Number: 1205 } => LiveLimit.LockTimeout,
        _ => LiveLimit.None,
    };

    public string? Password(string connectionString) => new MySqlConnectionStringBuilder(connectionString).Password;

    public IReadOnlyList<string> SessionSetup(LiveSessionOptions options)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(options.StatementTimeout.TotalSeconds));
        var lockSeconds = Math.Max(1, (long)Math.Ceiling(options.LockTimeout.TotalSeconds));
        var statements = new List<string>
        {
            _dialect.IsMariaDb
                ? $"SET SESSION max_statement_time = {seconds.ToString(CultureInfo.InvariantCulture)}"
                : $"SET SESSION max_execution_time = {(seconds * 1000).ToString(CultureInfo.InvariantCulture)}",
            $"SET SESSION lock_wait_timeout = {lockSeconds.ToString(CultureInfo.InvariantCulture)}",
            $"SET SESSION innodb_lock_wait_timeout = {lockSeconds.ToString(CultureInfo.InvariantCulture)}",
        };
        if (options.ReadOnly)
        {
            statements.Add("SET SESSION TRANSACTION READ ONLY");
        }

        return statements;
    }
}
