using System.Diagnostics;
using Npgsql;

namespace DbArchitect.Integration.Tests;

/// <summary>
/// The PostgreSQL 15 server the test script starts. Integration tests never skip: a missing server is a failure
/// with a message saying how to start it, because a silently skipped integration test proves nothing.
/// </summary>
internal static class PostgresServer
{
    public const string DefaultConnection = "Host=127.0.0.1;Port=5432;Username=dbarchitect_test;Password=dbarchitect_test;Database=postgres";

    public static string ConnectionString { get; } =
        Environment.GetEnvironmentVariable("DBARCHITECT_PG_CONNECTION") is { Length: > 0 } configured ? configured : DefaultConnection;

    public static string For(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database, Pooling = false }.ConnectionString;

    /// <summary>Creates an empty database with a unique name; dispose the result to drop it.</summary>
    public static ScratchDatabase CreateScratch(string purpose)
    {
        var name = "dbarch_" + new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20).ToArray()) + "_" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            using var connection = new NpgsqlConnection(For("postgres"));
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
            create.ExecuteNonQuery();
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException(
                $"PostgreSQL 15 is not reachable with '{Redacted()}': {ex.Message}. Run scripts/start-postgres.sh (as root) or ./test.sh, which installs and starts it.", ex);
        }

        return new ScratchDatabase(name);
    }

    private static string Redacted() =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.ConnectionString;

    /// <summary>Applies SQL files in order with psql -v ON_ERROR_STOP=1, the way the design's README tells a DBA to.</summary>
    public static void ApplyWithPsql(string database, IEnumerable<string> files) =>
        ApplyWithPsql(database, files, new Dictionary<string, string>());

    /// <summary>As above, with psql variables (-v name=value) for scripts that take them.</summary>
    public static void ApplyWithPsql(string database, IEnumerable<string> files, IReadOnlyDictionary<string, string> variables)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        foreach (var file in files)
        {
            var start = new ProcessStartInfo("psql")
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", builder.Host!, "-p", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", builder.Username!, "-d", database, "-f", file })
            {
                start.ArgumentList.Add(arg);
            }

            foreach (var (name, value) in variables)
            {
                start.ArgumentList.Add("-v");
                start.ArgumentList.Add(name + "=" + value);
            }

            start.Environment["PGPASSWORD"] = builder.Password ?? string.Empty;
            start.Environment["PGCLIENTENCODING"] = "UTF8";
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new Xunit.Sdk.XunitException($"psql failed on {Path.GetFileName(file)} (exit {process.ExitCode}):\n{stderr.Result}\n{stdout}");
            }
        }
    }
}

internal sealed class ScratchDatabase : IDisposable
{
    public ScratchDatabase(string name) => Name = name;

    public string Name { get; }

    public NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(PostgresServer.For(Name));
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        using var connection = new NpgsqlConnection(PostgresServer.For("postgres"));
        connection.Open();
        // DROP DATABASE waits for a checkpoint; on a busy shared server that can outlast the default 30 s.
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection) { CommandTimeout = 180 };
        drop.ExecuteNonQuery();
    }
}
