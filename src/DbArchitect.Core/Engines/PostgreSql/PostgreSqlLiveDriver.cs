using System.Data.Common;
using System.Globalization;
using DbArchitect.Core.Live;
using Npgsql;

namespace DbArchitect.Core.Engines.PostgreSql;

/// <summary>PostgreSQL through Npgsql. Probes run in a read-only session with statement_timeout and lock_timeout set.</summary>
internal sealed class PostgreSqlLiveDriver : ILiveDriver
{
    public int DefaultPort => 5432;

    public string VersionQuery => "SELECT current_setting('server_version')";

    public DbConnection CreateConnection(string connectionString, LiveSessionOptions options) => new NpgsqlConnection(connectionString);

    public string BuildConnectionString(LiveEndpoint endpoint)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = endpoint.Server,
            Port = endpoint.Port ?? DefaultPort,
            Database = endpoint.Database ?? "postgres",
        };
        if (endpoint.User is not null)
        {
            builder.Username = endpoint.User;
            builder.Password = endpoint.Password;
        }

        return builder.ConnectionString;
    }

    public string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var user = string.IsNullOrEmpty(builder.Username) ? string.Empty : $" as {builder.Username}";
        return $"{builder.Host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}/{builder.Database ?? builder.Username ?? "postgres"}{user}";
    }

    public LiveLimit LimitHit(DbException exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } => LiveLimit.StatementTimeout,
        PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable } => LiveLimit.LockTimeout,
        _ => LiveLimit.None,
    };

    public string? Password(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Password;

    public IReadOnlyList<string> SessionSetup(LiveSessionOptions options)
    {
        var statements = new List<string>
        {
            $"SET statement_timeout = {Milliseconds(options.StatementTimeout)}",
            $"SET lock_timeout = {Milliseconds(options.LockTimeout)}",
            $"SET application_name = {PostgreSqlWriter.String(options.ApplicationName)}",
        };
        if (options.ReadOnly)
        {
            statements.Add("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        }

        return statements;
    }

    private static string Milliseconds(TimeSpan span) => ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
