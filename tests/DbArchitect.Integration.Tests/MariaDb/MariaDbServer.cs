using System.Diagnostics;
using MySqlConnector;

namespace DbArchitect.Integration.Tests.MariaDb;

/// <summary>
/// The MariaDB 10.11 server of scripts/start-mariadb.sh: scratch databases and the command-line client. Connection
/// from DBARCHITECT_MARIADB_CONNECTION (default: the script's test user on 127.0.0.1:3306). Never skips.
/// </summary>
internal static class MariaDbServer
{
    public static string ConnectionString { get; } =
        Environment.GetEnvironmentVariable("DBARCHITECT_MARIADB_CONNECTION") is { Length: > 0 } configured
            ? configured
            : "Server=127.0.0.1;Port=3306;User ID=dbarchitect_test;Password=dbarchitect_test";

    public static MySqlConnection Open(string? database = null)
    {
        var builder = new MySqlConnectionStringBuilder(ConnectionString);
        if (database is not null)
        {
            builder.Database = database;
        }

        var connection = new MySqlConnection(builder.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>A new empty database (utf8mb4), dropped on dispose.</summary>
    public static MariaDbScratch CreateScratch(string hint)
    {
        var safe = new string(hint.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        var name = "it_" + (safe.Length > 20 ? safe[..20] : safe) + "_" + Guid.NewGuid().ToString("N")[..10];
        using var connection = Open();
        Execute(connection, $"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci");
        return new MariaDbScratch(name);
    }

    public static void Execute(MySqlConnection connection, string sql)
    {
        using var command = new MySqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public static List<Dictionary<string, object?>> Rows(MySqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = new MySqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Read(command);
    }

    /// <summary>A statement with positional ? placeholders, bound in order as an application's driver binds them.</summary>
    public static List<Dictionary<string, object?>> RowsPositional(MySqlConnection connection, string sql, IEnumerable<object> arguments)
    {
        using var command = new MySqlCommand(sql, connection);
        foreach (var argument in arguments)
        {
            command.Parameters.Add(new MySqlParameter { Value = argument });
        }

        return Read(command);
    }

    private static List<Dictionary<string, object?>> Read(MySqlCommand command)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// Runs each file with the mariadb client, the way design.md tells a DBA to (mariadb --database=db &lt; file):
    /// the files are proven as written, including their statement separators.
    /// </summary>
    public static void ApplyWithClient(string database, IEnumerable<string> files)
    {
        var builder = new MySqlConnectionStringBuilder(ConnectionString);
        foreach (var file in files)
        {
            var start = new ProcessStartInfo("mariadb")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "--protocol=tcp", "-h", builder.Server, "-P", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                         "-u", builder.UserID, "--database=" + database, "--batch", "--show-warnings" })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["MYSQL_PWD"] = builder.Password;
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the mariadb client.");
            process.StandardInput.Write(File.ReadAllText(file));
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"mariadb failed on {Path.GetFileName(file)} (exit {process.ExitCode}): {error}\n{output.Result}");
            }
        }
    }
}

internal sealed class MariaDbScratch : IDisposable
{
    public MariaDbScratch(string name) => Name = name;

    public string Name { get; }

    public void Dispose()
    {
        using var connection = MariaDbServer.Open();
        MariaDbServer.Execute(connection, $"DROP DATABASE IF EXISTS `{Name}`");
    }
}
